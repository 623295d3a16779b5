/**
 * Connects a component to the ScheduleClient while it is in the document: every change
 * re-renders the host, and once the host has rendered a revision the server is told so
 * (that confirmation is what staff see in the fleet view).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ScheduleClient, ScreenState } from '../data/schedule-client.ts';

export class ScheduleController implements ReactiveController {
  private unsubscribe: (() => void) | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    readonly client: ScheduleClient,
  ) {
    host.addController(this);
  }

  get state(): ScreenState {
    return this.client.state;
  }

  hostConnected(): void {
    this.unsubscribe = this.client.subscribe(() => void this.renderAndConfirm());
    void this.renderAndConfirm();
  }

  hostDisconnected(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }

  private async renderAndConfirm(): Promise<void> {
    const revision = this.client.state.schedule?.revision;
    this.host.requestUpdate();
    await this.host.updateComplete;
    if (revision !== undefined && this.unsubscribe) this.client.confirmRendered(revision);
  }
}
