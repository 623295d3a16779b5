/**
 * Calls back when its host element's size changes while connected: for measured layouts (fitted
 * titles, lists that show the items that fit) whose room changes without a render of their own
 * (the screen turned, a banner came, a neighbour was refitted).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export class ResizeWatch implements ReactiveController {
  private readonly observer: ResizeObserver;

  constructor(
    private readonly host: ReactiveControllerHost & Element,
    onResize: () => void,
  ) {
    this.observer = new ResizeObserver(onResize);
    host.addController(this);
  }

  hostConnected(): void {
    this.observer.observe(this.host);
  }

  hostDisconnected(): void {
    this.observer.disconnect();
  }
}
