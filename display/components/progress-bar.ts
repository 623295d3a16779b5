/** The time-remaining bar: shrinks from full at the start to empty at the end. */
import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';

@customElement('progress-bar')
export class ProgressBar extends LitElement {
  /** Share of the session still to run, 0..1. */
  @property({ type: Number }) remaining = 1;
  /** Accessible name, e.g. "Time remaining". */
  @property() label = 'Time remaining';

  static override styles = css`
    :host {
      display: block;
    }
    .track {
      height: 2.2vh;
      border-radius: 1.1vh;
      background: var(--surface);
      outline: 0.25vh solid var(--muted);
      overflow: hidden;
    }
    .fill {
      height: 100%;
      background: var(--fg);
      transition: width 1s linear;
    }
    @media (prefers-reduced-motion: reduce) {
      .fill {
        transition: none;
      }
    }
  `;

  override render() {
    const percent = Math.round(Math.min(1, Math.max(0, this.remaining)) * 100);
    return html`<div
      class="track"
      role="progressbar"
      aria-label=${this.label}
      aria-valuemin="0"
      aria-valuemax="100"
      aria-valuenow=${percent}
    >
      <div class="fill" style="width: ${percent}%"></div>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'progress-bar': ProgressBar;
  }
}
