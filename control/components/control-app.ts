/**
 * The page root: the login page until a staff session exists, then the panel. When the session
 * expires mid-work, the panel stays mounted under a re-login dialog, so forms keep what was typed
 * and the interrupted request is sent again once the password is in.
 */
import { LitElement, css, html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { provide } from '@lit/context';
import { ControlData } from '../data/control-data.ts';
import { controlDataContext } from '../data/data-context.ts';
import { baseStyles } from './styles.ts';
import { DialogController, dialogStyles } from '../controllers/dialog-controller.ts';
import { LocaleController } from '../controllers/locale-controller.ts';
import { browserLanguage, panelLocale } from '../i18n/panel-locale.ts';
import { AccountsApi } from '../data/accounts-api.ts';
import { takeSsoRefusal } from '../data/auth.ts';
import './control-panel.ts';
import './login-form.ts';

@customElement('control-app')
export class ControlApp extends LitElement {
  static override styles = [
    baseStyles,
    dialogStyles,
    css`
      :host {
        display: block;
        min-height: 100vh;
        background: var(--canvas);
      }
      .login-page {
        max-width: 26rem;
        margin: 10vh auto 0;
        background: var(--panel);
        border: 1px solid var(--line);
        border-radius: 10px;
        padding: 1.5rem 1.8rem 1.8rem;
      }
      h1 {
        font-size: 1.4rem;
        margin: 0 0 1rem;
      }
      .loading {
        padding: 2rem;
      }
    `,
  ];

  @provide({ context: controlDataContext }) readonly data = new ControlData();
  @state() private startError = '';
  /** Taken at once, whoever turns out to be signed in, so the address never keeps it. */
  private readonly ssoRefusal = takeSsoRefusal();
  private readonly relogin = new DialogController(this);
  private readonly locale = new LocaleController(this);
  private readonly onAuth = () => {
    this.requestUpdate();
    if (this.data.auth.state === 'logged-in') void this.useAccountLanguage();
  };

  override connectedCallback(): void {
    super.connectedCallback();
    this.data.auth.addEventListener('auth', this.onAuth);
    // The login page speaks the browser's language until we know whose panel it is.
    void panelLocale.use(browserLanguage());
    void this.start();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.data.auth.removeEventListener('auth', this.onAuth);
    this.data.live.stop();
  }

  /** The whole panel mirrors in Arabic: direction is inherited through every shadow root below. */
  protected override willUpdate(): void {
    this.setAttribute('dir', this.locale.direction);
    this.setAttribute('lang', this.locale.language);
    document.documentElement.lang = this.locale.language;
    document.title = this.locale.t.appLoginHeading;
  }

  override render() {
    const t = this.locale.t;
    const state = this.data.auth.state;
    if (state === 'checking') {
      return this.startError
        ? html`<main class="login-page">
            <p class="error" role="alert">${this.startError}</p>
            <button @click=${this.start}>${t.appTryAgain}</button>
          </main>`
        : html`<p class="loading" role="status">${t.appLoading}</p>`;
    }
    if (state === 'logged-out') {
      return html`<main class="login-page">
        <h1>${t.appLoginHeading}</h1>
        <login-form .auth=${this.data.auth} .ssoRefusal=${this.ssoRefusal} offer-sso></login-form>
      </main>`;
    }
    return html`<control-panel></control-panel> ${this.relogin.render({
        open: state === 'expired',
        heading: t.appSessionExpiredHeading,
        dismissible: false,
        onClose: () => undefined,
        body: () =>
          html`<p>${t.appSessionExpiredBody}</p>
            <login-form .auth=${this.data.auth}></login-form>`,
      })}`;
  }

  private focusedLogin = false;

  /** Puts the cursor in the password field when the login page (re)appears. */
  protected override async updated(): Promise<void> {
    const loggedOut = this.data.auth.state === 'logged-out';
    if (loggedOut && !this.focusedLogin) {
      const form = this.renderRoot.querySelector('login-form');
      await form?.updateComplete;
      form?.focus();
    }
    this.focusedLogin = loggedOut;
  }

  /** The language saved on the account, else the browser's; a failed read leaves the current one. */
  private async useAccountLanguage(): Promise<void> {
    try {
      const me = await new AccountsApi(this.data.api).me();
      await panelLocale.use(me.language ?? browserLanguage());
    } catch {
      // Offline or an older server: the panel keeps the language it has.
    }
  }

  private readonly start = async () => {
    this.startError = '';
    try {
      await this.data.auth.check();
    } catch (error) {
      this.startError = error instanceof Error ? error.message : String(error);
    }
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'control-app': ControlApp;
  }
}
