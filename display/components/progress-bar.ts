/**
 * The time bar: fills as the session's time elapses (a bar filling up reads as "how far along"),
 * with its words beside it: "ends 13:50 · 12 min left". Its value for assistive technology is the
 * share remaining.
 */
import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Phrase } from '../../shared/i18n/phrase.ts';
import { isolated } from '../i18n/isolated.ts';

@customElement('progress-bar')
export class ProgressBar extends LitElement {
  /** Share of the session still to run, 0..1. */
  @property({ type: Number }) remaining = 1;
  /** Accessible name, e.g. "Time remaining". */
  @property() label = 'Time remaining';
  /** Words shown under the bar, e.g. "ends 13:50 · 12 min left". */
  @property({ attribute: false }) caption: Phrase = [];

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
    .caption {
      display: block;
      margin-top: 0.8vh;
      font-size: var(--text-body);
      font-weight: 700;
      font-variant-numeric: tabular-nums;
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
        <div class="fill" style="width: ${100 - percent}%"></div>
      </div>
      ${this.caption.length ? html`<span class="caption">${isolated(this.caption)}</span>` : ''}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'progress-bar': ProgressBar;
  }
}
