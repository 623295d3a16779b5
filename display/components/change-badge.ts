/**
 * What changed about a session, in words ("Moved to M7", "Delayed — now 14:15", "Cancelled"),
 * never colour alone. The room and the time they name are data, each in its own <bdi>.
 */
import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { ChangeLabel } from '../logic/format.ts';
import { isolated } from '../i18n/isolated.ts';

@customElement('change-badge')
export class ChangeBadge extends LitElement {
  @property({ attribute: false }) labels: ChangeLabel[] = [];
  /** Text only, no frame: for fixed-height rows such as the lobby board's. */
  @property({ type: Boolean, reflect: true }) plain = false;

  // A badge is one line when it fits; a long one ("Moved to M7, M-Building, 1st floor, turn left")
  // wraps inside the screen (max-width) rather than run off a portrait door.
  static override styles = css`
    :host {
      display: inline-flex;
      flex-wrap: wrap;
      gap: 0.6vh 1vmin;
      vertical-align: middle;
    }
    span {
      font-size: var(--text-min);
      font-weight: 700;
      line-height: 1.2;
      padding: 0.2vh 0.8vmin;
      border: 0.3vh solid currentColor;
      border-radius: var(--radius);
      max-width: 100%;
      box-sizing: border-box;
    }
    :host([plain]) span {
      padding: 0;
      border: 0;
    }
    .moved,
    .retimed {
      color: var(--moved);
    }
    .cancelled {
      color: var(--cancelled);
    }
  `;

  override render() {
    return this.labels.map((label) => html`<span class=${label.tone}>${isolated(label.text)}</span>`);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'change-badge': ChangeBadge;
  }
}
