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
  private readonly relogin = new DialogController(this);
  private readonly onAuth = () => this.requestUpdate();

  override connectedCallback(): void {
    super.connectedCallback();
    this.data.auth.addEventListener('auth', this.onAuth);
    void this.start();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.data.auth.removeEventListener('auth', this.onAuth);
    this.data.live.stop();
  }

  override render() {
    const state = this.data.auth.state;
    if (state === 'checking') {
      return this.startError
        ? html`<main class="login-page">
            <p class="error" role="alert">${this.startError}</p>
            <button @click=${this.start}>Try again</button>
          </main>`
        : html`<p class="loading" role="status">Loading…</p>`;
    }
    if (state === 'logged-out') {
      return html`<main class="login-page">
        <h1>Signage — staff control panel</h1>
        <login-form .auth=${this.data.auth} offer-sso></login-form>
      </main>`;
    }
    return html`<control-panel></control-panel> ${this.relogin.render({
        open: state === 'expired',
        heading: 'Your staff session has expired',
        dismissible: false,
        onClose: () => undefined,
        body: () =>
          html`<p>
              Log in again to carry on. Nothing you typed is lost, and the action you started is completed once you are
              back in.
            </p>
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
