/**
 * How to join an online or hybrid session: meeting ID, the passcode only when staff chose to show
 * it on public screens, and a QR code to the join link when there is one.
 */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { OnlineDetails } from '../../shared/model.ts';
import { consume } from '@lit/context';
import { en } from '../../shared/i18n/en.ts';
import type { Messages } from '../../shared/i18n/messages.ts';
import { messagesContext } from '../i18n/messages-context.ts';

@customElement('online-join')
export class OnlineJoin extends LitElement {
  /** The screen's words, in its language. */
  @consume({ context: messagesContext, subscribe: true }) @state() private m: Messages = en;
  @property({ attribute: false }) online: OnlineDetails | undefined;

  static override styles = css`
    :host {
      display: flex;
      gap: 2vmin;
      align-items: center;
      min-height: 0;
    }
    dl {
      margin: 0;
      min-width: 0;
      font-size: var(--text-body);
    }
    dt {
      color: var(--muted);
      font-size: var(--text-min);
      font-weight: 700;
    }
    dd + dt {
      margin-top: 1vh;
    }
    dd {
      margin: 0;
      font-weight: 700;
      font-variant-numeric: tabular-nums;
      overflow-wrap: anywhere;
    }
    qr-code {
      flex: none;
      height: var(--qr-size, 20vh);
    }
  `;

  override render() {
    const online = this.online;
    if (!online || (!online.meetingId && !online.url)) return nothing;
    const passcode = online.showPasscode ? online.passcode : undefined;
    // The QR encoder is fetched only by screens that show a join link: most doors never need it.
    if (online.url) void import('./qr-code.ts');
    return html`
      ${online.url ? html`<qr-code .value=${online.url} label=${this.m.joinQr}></qr-code>` : nothing}
      <dl>
        <dt>${this.m.online}${platformName(online.url) ? html` · <bdi>${platformName(online.url)}</bdi>` : nothing}</dt>
        <dd>${online.url ? this.m.scanToJoin : this.m.useMeetingId}</dd>
        ${
          online.meetingId
            ? html`<dt>${this.m.meetingId}</dt>
                <dd><bdi>${online.meetingId}</bdi></dd>`
            : nothing
        }
        ${
          passcode
            ? html`<dt>${this.m.passcode}</dt>
                <dd><bdi>${passcode}</bdi></dd>`
            : nothing
        }
      </dl>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'online-join': OnlineJoin;
  }
}

/** The meeting platform, from the join link's host: people look for the app by its name. */
export function platformName(url: string | undefined): string {
  if (!url) return '';
  const host = URL.canParse(url) ? new URL(url).hostname : '';
  if (/(^|\.)zoom\.us$/.test(host)) return 'Zoom';
  if (/(^|\.)teams\.(microsoft|live)\.com$/.test(host)) return 'Microsoft Teams';
  if (/(^|\.)webex\.com$/.test(host)) return 'Webex';
  if (/(^|\.)meet\.google\.com$/.test(host)) return 'Google Meet';
  return host;
}
