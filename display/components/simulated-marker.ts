/** Marks a rehearsal or demo clock, so nobody mistakes a simulated time for the real one. */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';

@customElement('simulated-marker')
export class SimulatedMarker extends LitElement {
  @property({ type: Boolean }) simulated = false;
  @property({ type: Number }) speed = 1;

  static override styles = css`
    :host {
      display: contents;
    }
    p {
      margin: 0;
      font-size: var(--text-min);
      font-weight: 700;
      letter-spacing: 0.08em;
      color: var(--accent);
    }
  `;

  override render() {
    if (!this.simulated) return nothing;
    const pace = this.speed === 1 ? '' : this.speed === 0 ? ' (paused)' : ` ×${this.speed}`;
    return html`<p>SIMULATED TIME${pace}</p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'simulated-marker': SimulatedMarker;
  }
}
