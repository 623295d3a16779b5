/**
 * Username (empty = admin) and password; the journal records the account as the author of each change.
 * Used both as the start page and inside the "session expired" dialog. On the start page it also
 * offers "Sign in with <provider>" when the server has single sign-on (not in the dialog: leaving
 * for the provider would lose what was typed).
 */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { SSO_LOGIN_URL, type AuthGate } from '../data/auth.ts';
import { ApiError } from '../data/api.ts';
import { REFUSALS, refusalNames } from '../data/server-errors.ts';
import { isolatingNames } from '../i18n/format.ts';
import type { SsoRefusalInAddress } from '../../shared/sso-refusal.ts';
import { baseStyles } from './styles.ts';
import { LocaleController } from '../controllers/locale-controller.ts';

@customElement('login-form')
export class LoginForm extends LitElement {
  static override styles = [
    baseStyles,
    css`
      form {
        display: flex;
        flex-direction: column;
        gap: 0.3rem;
      }
      input {
        width: 100%;
      }
      button {
        margin-block-start: 0.4rem;
        align-self: start;
      }
      .sso {
        margin-block-start: 1.2rem;
      }
      .sso .error {
        margin-block-end: 0.6rem;
      }
      .sso a {
        display: inline-block;
        padding: 0.45rem 0.9rem;
        border: 2px solid currentColor;
        border-radius: 4px;
        font-weight: 600;
        text-decoration: none;
      }
      .sso a:hover,
      .sso a:focus-visible {
        text-decoration: underline;
      }
    `,
  ];

  @property({ attribute: false }) auth?: AuthGate;
  /** Offer single sign-on when the server has it (the start page, not the re-login dialog). */
  @property({ type: Boolean, attribute: 'offer-sso' }) offerSso = false;
  /** Why the last single sign-on failed, brought back by the server's redirect (shared/sso-refusal.ts). */
  @property({ attribute: false }) ssoRefusal: SsoRefusalInAddress | null = null;
  @state() private ssoProvider: string | null = null;
  @state() private password = '';
  @state() private name = '';
  @state() private error = '';
  @state() private busy = false;
  private readonly locale = new LocaleController(this);

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.name) this.name = this.auth?.rememberedName ?? '';
    if (this.offerSso) void this.auth?.singleSignOn().then((name) => (this.ssoProvider = name));
  }

  override render() {
    const t = this.locale.t;
    return html`<form @submit=${this.submit} novalidate>
        <div class="field">
          <label for="password">${t.loginPassword}</label>
          <input
            id="password"
            type="password"
            autocomplete="current-password"
            required
            .value=${this.password}
            @input=${(e: InputEvent) => (this.password = (e.target as HTMLInputElement).value)}
            aria-invalid=${this.error ? 'true' : 'false'}
            aria-describedby=${this.error ? 'login-error' : nothing}
          />
        </div>
        <div class="field">
          <label for="name">${t.loginUsername} <span class="hint">${t.loginUsernameHint}</span></label>
          <input
            id="name"
            autocomplete="username"
            .value=${this.name}
            @input=${(e: InputEvent) => (this.name = (e.target as HTMLInputElement).value)}
          />
        </div>
        ${this.error ? html`<p id="login-error" class="error" role="alert">${this.error}</p>` : nothing}
        <button class="primary" type="submit" ?disabled=${this.busy}>${t.loginSubmit}</button>
      </form>
      ${
        this.ssoProvider || this.ssoRefusal
          ? html`<div class="sso">
              ${this.renderSsoRefusal()}
              ${this.ssoProvider ? html`<p><a href=${SSO_LOGIN_URL}>${t.loginSso(this.ssoProvider)}</a></p>` : nothing}
            </div>`
          : nothing
      }`;
  }

  /** Worded here from its code; the provider's own words and other data it names are set apart. */
  private renderSsoRefusal() {
    if (!this.ssoRefusal) return nothing;
    const t = this.locale.t;
    const { refusal } = this.ssoRefusal;
    if (!refusal) return html`<p class="error" role="alert">${t.loginSsoFailed}</p>`;
    const sentence = REFUSALS[refusal.code](t, refusal.params);
    return html`<p class="error" role="alert">${isolatingNames(sentence, refusalNames(refusal))}</p>`;
  }

  override focus(): void {
    this.renderRoot.querySelector<HTMLInputElement>('#password')?.focus();
  }

  private async submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (!this.auth || this.busy) return;
    if (!this.password) {
      this.error = this.locale.t.loginPasswordMissing;
      return;
    }
    this.busy = true;
    this.error = '';
    try {
      await this.auth.login(this.password, this.name);
      this.password = '';
    } catch (error) {
      this.error =
        error instanceof ApiError && error.status === 401
          ? this.locale.t.loginWrong
          : error instanceof Error
            ? error.message
            : String(error);
      this.focus();
    } finally {
      this.busy = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'login-form': LoginForm;
  }
}
