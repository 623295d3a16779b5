/** Tracks a CSS media query (e.g. narrow screens) and re-renders its host when it flips. */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export class MediaController implements ReactiveController {
  matches = false;
  private readonly list: MediaQueryList;
  private readonly onChange = () => {
    this.matches = this.list.matches;
    this.host.requestUpdate();
  };

  constructor(
    private readonly host: ReactiveControllerHost,
    query: string,
  ) {
    this.list = window.matchMedia(query);
    this.matches = this.list.matches;
    host.addController(this);
  }

  hostConnected(): void {
    this.list.addEventListener('change', this.onChange);
    this.onChange();
  }

  hostDisconnected(): void {
    this.list.removeEventListener('change', this.onChange);
  }
}
