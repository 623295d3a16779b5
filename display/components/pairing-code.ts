/**
 * What a new screen at the bare /display address shows until staff pair it: its pairing code,
 * large enough to read across a room, and where to enter it. No library: the door display's
 * bundle budget is tight.
 */
import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { en } from '../../shared/i18n/en.ts';
import type { Messages } from '../../shared/i18n/messages.ts';
import { messagesContext } from '../i18n/messages-context.ts';
import { phrase } from '../../shared/i18n/phrase.ts';
import { isolated } from '../i18n/isolated.ts';

@customElement('pairing-code')
export class PairingCode extends LitElement {
  /** The screen's words, in its language. */
  @consume({ context: messagesContext, subscribe: true }) @state() private m: Messages = en;
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
    p {
      overflow-wrap: anywhere;
    }
  `;

  override render() {
    return html`<h1>${this.m.pairThisScreen}</h1>
      <div class="code" role="status" aria-label=${this.m.pairingCode(this.code.split('').join(' '))}>
        ${this.code.slice(0, 3)}&#8201;${this.code.slice(3)}
      </div>
      <p>${isolated(phrase(this.m.pairingHelp, `${this.origin}/control`))}</p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pairing-code': PairingCode;
  }
}
