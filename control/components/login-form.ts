/**
 * Username (empty = admin) and password; the journal records the account as the author of each change.
 * Used both as the start page and inside the "session expired" dialog.
 */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { AuthGate } from '../data/auth.ts';
import { ApiError } from '../data/api.ts';
import { baseStyles } from './styles.ts';

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
        margin-top: 0.4rem;
        align-self: start;
      }
    `,
  ];

  @property({ attribute: false }) auth?: AuthGate;
  @state() private password = '';
  @state() private name = '';
  @state() private error = '';
  @state() private busy = false;

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.name) this.name = this.auth?.rememberedName ?? '';
  }

  override render() {
    return html`<form @submit=${this.submit} novalidate>
      <div class="field">
        <label for="password">Password</label>
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
        <label for="name">Username <span class="hint">(empty for admin)</span></label>
        <input
          id="name"
          autocomplete="username"
          .value=${this.name}
          @input=${(e: InputEvent) => (this.name = (e.target as HTMLInputElement).value)}
        />
      </div>
      ${this.error ? html`<p id="login-error" class="error" role="alert">${this.error}</p>` : nothing}
      <button class="primary" type="submit" ?disabled=${this.busy}>Log in</button>
    </form>`;
  }

  override focus(): void {
    this.renderRoot.querySelector<HTMLInputElement>('#password')?.focus();
  }

  private async submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (!this.auth || this.busy) return;
    if (!this.password) {
      this.error = 'Enter the staff password.';
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
          ? 'Wrong username or password. Check them and try again.'
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
