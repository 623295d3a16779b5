/**
 * What a new screen at the bare /display address shows until staff pair it: its pairing code,
 * large enough to read across a room, and where to enter it. No library: the door display's
 * bundle budget is tight.
 */
import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';

@customElement('pairing-code')
export class PairingCode extends LitElement {
  @property() code = '';
  /** The server's address, as staff would type it to reach the control panel. */
  @property() origin = '';

  static override styles = css`
    :host {
      display: flex;
      flex-direction: column;
      justify-content: center;
      align-items: center;
      gap: 4vh;
      height: 100%;
      padding: var(--pad);
      box-sizing: border-box;
      text-align: center;
    }
    h1 {
      margin: 0;
      font-size: var(--text-title);
    }
    .code {
      font:
        700 clamp(10vh, 16vmin, 22vh) / 1 ui-monospace,
        'DejaVu Sans Mono',
        monospace;
      letter-spacing: 0.12em;
      color: var(--accent);
    }
    p {
      margin: 0;
      max-width: 40em;
      font-size: var(--text-body);
      color: var(--muted);
    }
    strong {
      color: var(--fg);
      overflow-wrap: anywhere;
    }
  `;

  override render() {
    return html`<h1>Pair this screen</h1>
      <div class="code" role="status" aria-label="Pairing code ${this.code.split('').join(' ')}">
        ${this.code.slice(0, 3)}&#8201;${this.code.slice(3)}
      </div>
      <p>
        In the control panel at <strong>${this.origin}/control</strong>, open <strong>Screens</strong>, choose
        <strong>Pair a screen</strong> and enter this code.
      </p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pairing-code': PairingCode;
  }
}
