/** Re-renders its host on a steady beat so clocks and the grid's "now" line follow the venue clock. */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export class PeriodicRerender implements ReactiveController {
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly intervalMs = 1000,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.timer = setInterval(() => this.host.requestUpdate(), this.intervalMs);
  }

  hostDisconnected(): void {
    clearInterval(this.timer);
  }
}
