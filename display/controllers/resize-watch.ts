/**
 * Calls back when its host element's size changes while connected: for measured layouts (fitted
 * titles, lists that show the items that fit) whose room changes without a render of their own
 * (the screen turned, a banner came, a neighbour was refitted, a part beside it grew).
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

  private parts = new Set<Element>();

  hostConnected(): void {
    this.observer.observe(this.host);
    for (const part of this.parts) this.observer.observe(part);
  }

  hostDisconnected(): void {
    this.observer.disconnect();
  }

  /**
   * Also calls back when one of these elements changes size (the parts of a layout whose sizes
   * decide another's room); parts watched before and not named now are let go.
   */
  watchParts(parts: Iterable<Element>): void {
    const wanted = new Set(parts);
    for (const part of this.parts) if (!wanted.has(part)) this.observer.unobserve(part);
    for (const part of wanted) if (!this.parts.has(part)) this.observer.observe(part);
    this.parts = wanted;
  }
}
