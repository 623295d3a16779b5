/**
 * The panel's whole data layer behind one object: components get it as a property and never
 * talk to fetch or socket.io themselves.
 */
import { Actions } from './actions.ts';
import { ApiClient } from './api.ts';
import { AuthGate } from './auth.ts';
import { LiveChannel } from './live.ts';
import { ControlStore } from './store.ts';

export class ControlData {
  readonly api = new ApiClient();
  readonly store = new ControlStore();
  readonly auth = new AuthGate(this.api);
  readonly live = new LiveChannel(this.api, this.store);
  readonly actions = new Actions(this.api, this.store, this.live);

  constructor() {
    this.auth.addEventListener('auth', () => {
      if (this.auth.state === 'logged-in') void this.live.start().catch(() => undefined);
      if (this.auth.state === 'logged-out') this.live.stop();
    });
  }
}
