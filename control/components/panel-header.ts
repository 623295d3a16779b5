/**
 * Top bar: what time it is at the venue (the server's clock, simulated or real), whether the live
 * channel is up, the emergency banner with its one-click clear, the person's language, and log out.
 */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { ControlData } from '../data/control-data.ts';
import { StoreController } from '../controllers/store-controller.ts';
import { PeriodicRerender } from '../controllers/periodic-rerender.ts';
import { formatClockSeconds } from '../../shared/time.ts';
import { LocaleController } from '../controllers/locale-controller.ts';
import { panelDay } from '../i18n/format.ts';
import { panelLocale } from '../i18n/panel-locale.ts';
import { AccountsApi } from '../data/accounts-api.ts';
import { LANGUAGES, LANGUAGE_NAMES, isLanguage } from '../../shared/languages.ts';
import { classifyError } from '../data/outcome.ts';
import { baseStyles } from './styles.ts';
import { consume } from '@lit/context';
import { controlDataContext } from '../data/data-context.ts';

@customElement('panel-header')
export class PanelHeader extends LitElement {
  static override styles = [
    baseStyles,
    css`
      header {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem 1.2rem;
        align-items: center;
        padding: 0.6rem 1rem;
        background: #14213d;
        color: #fff;
      }
      h1 {
        font-size: 1.15rem;
        margin: 0;
        margin-inline-end: auto;
      }
      .clock {
        font-variant-numeric: tabular-nums;
        font-size: 1.05rem;
      }
      .clock small {
        color: #d5dbe6;
      }
      .live {
        font-size: 0.9rem;
        border-radius: 999px;
        padding: 0.1rem 0.6rem;
        background: #1f6f3b;
      }
      .live.down {
        background: #8a5a00;
      }
      .language {
        display: flex;
        gap: 0.4rem;
        align-items: center;
        font-size: 0.9rem;
      }
      .language select {
        font: inherit;
      }
      .language-error {
        flex-basis: 100%;
        margin: 0;
        color: #ffd7a8;
      }
      header button {
        color: #fff;
        border-color: #fff;
        background: transparent;
      }
      header button:hover {
        background: rgb(255 255 255 / 15%);
      }
      .emergency {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem 1rem;
        align-items: center;
        padding: 0.6rem 1rem;
        background: var(--danger);
        color: #fff;
        font-weight: 700;
      }
      .emergency button {
        background: #fff;
        color: var(--danger);
        border-color: #fff;
        font-weight: 700;
      }
      .emergency .error {
        flex-basis: 100%;
      }
    `,
  ];

  @consume({ context: controlDataContext })
  @property({ attribute: false })
  data?: ControlData;
  @state() private clearError = '';
  @state() private languageError = '';
  private readonly locale = new LocaleController(this);
  private readonly storeController = new StoreController(this, () => this.data);
  private readonly rerender = new PeriodicRerender(this, 1000);

  override render() {
    const data = this.data;
    if (!data) return nothing;
    const { store } = data;
    const now = store.now();
    const zone = store.timezone;
    const emergency = store.schedule?.emergency;
    const t = this.locale.t;
    return html`<header>
        <h1>${t.headerTitle}</h1>
        <span class="clock" id="venue-clock">
          <span class="visually-hidden">${t.headerVenueTime}</span> ${panelDay(now, zone, this.locale.language)}
          <bdi><strong>${formatClockSeconds(now, zone)}</strong></bdi>
          <small><bdi>${zone}</bdi>${store.clock?.simulated ? ` · ${t.headerSimulated(store.clock.speed)}` : ''}</small>
        </span>
        <span class="live ${data.live.connected ? '' : 'down'}" role="status">
          ${data.live.connected ? t.headerLive : t.headerReconnecting}
        </span>
        <label class="language">
          ${t.headerLanguage}
          <select id="panel-language" @change=${this.chooseLanguage}>
            ${LANGUAGES.map(
              (code) =>
                html`<option value=${code} lang=${code} ?selected=${code === this.locale.language}>
                  ${LANGUAGE_NAMES[code]}
                </option>`,
            )}
          </select>
        </label>
        <button @click=${() => void data.auth.logout()}>${t.headerLogOut}</button>
        ${this.languageError ? html`<p class="language-error" role="alert">${this.languageError}</p>` : nothing}
      </header>
      ${
        emergency
          ? html`<div class="emergency" role="status">
              <span>${t.headerEmergencyOn(emergency.text)}</span>
              <button @click=${this.clear}>${t.headerClearEmergency}</button>
              ${this.clearError ? html`<p class="error" role="alert">${this.clearError}</p>` : nothing}
            </div>`
          : nothing
      }`;
  }

  /** Applied at once; then kept on the account so a reload and other devices follow. */
  private readonly chooseLanguage = async (event: Event) => {
    const chosen = (event.target as HTMLSelectElement).value;
    if (!isLanguage(chosen) || !this.data) return;
    this.languageError = '';
    await panelLocale.use(chosen);
    try {
      await new AccountsApi(this.data.api).setLanguage(chosen);
    } catch {
      this.languageError = this.locale.t.headerLanguageNotSaved;
    }
  };

  private readonly clear = async () => {
    this.clearError = '';
    try {
      await this.data?.actions.clearEmergency();
    } catch (error) {
      this.clearError = classifyError(error).message;
    }
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'panel-header': PanelHeader;
  }
}
