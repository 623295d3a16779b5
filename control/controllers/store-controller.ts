/** Re-renders its host whenever the live data (schedule, journal, displays, connection) changes. */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ControlData } from '../data/control-data.ts';

export class StoreController implements ReactiveController {
  private readonly update = () => this.host.requestUpdate();

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly data: () => ControlData | undefined,
  ) {
    host.addController(this);
  }

  private subscribed: ControlData | undefined;

  hostConnected(): void {
    this.subscribe();
  }

  /** The data object usually arrives as a property after connection: subscribe then. */
  hostUpdate(): void {
    if (this.subscribed !== this.data()) this.subscribe();
  }

  hostDisconnected(): void {
    this.unsubscribe();
  }

  private subscribe(): void {
    this.unsubscribe();
    const data = this.data();
    if (!data) return;
    data.store.addEventListener('change', this.update);
    data.live.addEventListener('status', this.update);
    this.subscribed = data;
  }

  private unsubscribe(): void {
    this.subscribed?.store.removeEventListener('change', this.update);
    this.subscribed?.live.removeEventListener('status', this.update);
    this.subscribed = undefined;
  }
}
