/**
 * Accounts (admins): who may sign in and with which role; add, change role or emergency grant,
 * disable, reset a password. A new or reset account's one-time password is shown once, here.
 */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { ROLES, type AccountView, type Role } from '../../shared/staff.ts';
import { ApiError } from '../data/api.ts';
import type { AccountsApi } from '../data/accounts-api.ts';
import { baseStyles, dataTable, sectionCard } from './styles.ts';
import { LocaleController } from '../controllers/locale-controller.ts';
import { consume } from '@lit/context';
import { controlDataContext } from '../data/data-context.ts';
import type { ControlData } from '../data/control-data.ts';
import { formatClock } from '../../shared/time.ts';
import { isolatingNames, panelShortDay } from '../i18n/format.ts';
import { refusalNames } from '../data/server-errors.ts';

@customElement('accounts-panel')
export class AccountsPanel extends LitElement {
  static override styles = [
    baseStyles,
    sectionCard,
    dataTable,
    css`
      form {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        align-items: end;
        margin-top: 1rem;
      }
      .secret {
        font-family: monospace;
        font-size: 1.1rem;
      }
    `,
  ];

  @property({ attribute: false }) api?: AccountsApi;
  /** For the venue's zone, in which a last sign-in is told like every other time. */
  @consume({ context: controlDataContext })
  @property({ attribute: false })
  data?: ControlData;
  @state() private accounts: AccountView[] = [];
  @state() private error = '';
  /** The data the refusal places (the username taken), isolated inside the translated sentence. */
  @state() private errorNames: string[] = [];
  @state() private notice = '';
  @state() private forbidden = false;
  private readonly locale = new LocaleController(this);

  override connectedCallback(): void {
    super.connectedCallback();
    void this.reload();
  }

  override render() {
    const t = this.locale.t;
    if (this.forbidden)
      return html`<section>
        <h2>${t.accHeading}</h2>
        <p>${t.accAdminOnly}</p>
      </section>`;
    return html`<section aria-labelledby="accounts-heading">
      <h2 id="accounts-heading">${t.accHeading}</h2>
      ${this.notice ? html`<p role="status" class="secret">${this.notice}</p>` : nothing}
      ${this.error ? html`<p role="alert" class="error">${isolatingNames(this.error, this.errorNames)}</p>` : nothing}
      <table>
        <thead>
          <tr>
            <th>${t.accUsername}</th>
            <th>${t.accName}</th>
            <th>${t.accRole}</th>
            <th>${t.accEmergency}</th>
            <th>${t.accLastLogin}</th>
            <th></th>
          </tr>
        </thead>
        <tbody>
          ${this.accounts.map((a) => this.renderRow(a))}
        </tbody>
      </table>
      <form @submit=${this.add}>
        <div class="field">
          <label for="new-username">${t.accUsername}</label><input id="new-username" name="username" required />
        </div>
        <div class="field">
          <label for="new-name">${t.accDisplayName}</label><input id="new-name" name="displayName" />
        </div>
        <div class="field">
          <label for="new-role">${t.accRole}</label>
          <select id="new-role" name="role">
            ${ROLES.map((r) => html`<option value=${r} ?selected=${r === 'editor'}>${t.accRoles[r]}</option>`)}
          </select>
        </div>
        <label><input type="checkbox" name="emergency" /> ${t.accEmergencyRights}</label>
        <button class="primary" type="submit">${t.accAdd}</button>
      </form>
    </section>`;
  }

  private renderRow(account: AccountView) {
    const label = account.username;
    const t = this.locale.t;
    return html`<tr>
      <!-- Names are data: isolated, so a Latin name keeps its place in Arabic. -->
      <td><bdi>${account.username}</bdi>${account.disabled ? ` ${t.accDisabled}` : ''}</td>
      <td><bdi>${account.displayName}</bdi></td>
      <td>
        <select
          aria-label=${t.accRoleOf(label)}
          @change=${(e: Event) => this.change(account, { role: (e.target as HTMLSelectElement).value as Role })}
        >
          ${ROLES.map((r) => html`<option value=${r} ?selected=${r === account.role}>${t.accRoles[r]}</option>`)}
        </select>
      </td>
      <td>
        <input
          type="checkbox"
          aria-label=${t.accEmergencyOf(label)}
          .checked=${account.emergency}
          @change=${(e: Event) => this.change(account, { emergency: (e.target as HTMLInputElement).checked })}
        />
      </td>
      <td>${account.lastLoginAt ? this.when(account.lastLoginAt) : t.accNever}</td>
      <td>
        <button @click=${() => this.change(account, { disabled: !account.disabled })}>
          ${account.disabled ? t.accEnable : t.accDisable}
        </button>
        <button @click=${() => this.reset(account)}>${t.accReset}</button>
      </td>
    </tr>`;
  }

  /** "Mon 14 Oct 13:05" in the venue's zone and the reader's language (the server sends UTC). */
  private when(iso: string): string {
    const zone = this.data?.store.timezone ?? 'UTC';
    const at = Date.parse(iso);
    return `${panelShortDay(at, zone, this.locale.language)} ${formatClock(at, zone)}`;
  }

  private async reload(): Promise<void> {
    try {
      this.accounts = (await this.api?.list()) ?? [];
    } catch (error) {
      if (error instanceof ApiError && error.status === 403) this.forbidden = true;
      else this.showError(error);
    }
  }

  /** The message and the data it places, set together so the names always belong to the message shown. */
  private showError(error: unknown): void {
    this.error = (error as Error).message;
    this.errorNames = error instanceof ApiError ? refusalNames(error.body) : [];
  }

  private async run(action: () => Promise<string | void>): Promise<void> {
    this.error = '';
    this.errorNames = [];
    this.notice = '';
    try {
      const notice = await action();
      if (notice) this.notice = notice;
    } catch (error) {
      this.showError(error);
    }
    await this.reload();
  }

  private change(account: AccountView, change: { role?: Role; emergency?: boolean; disabled?: boolean }): void {
    void this.run(async () => void (await this.api!.change(account.username, change)));
  }

  private reset(account: AccountView): void {
    void this.run(async () => this.locale.t.accOneTimeFor(account.username, await this.api!.reset(account.username)));
  }

  private add(event: SubmitEvent): void {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const fields = new FormData(form);
    const displayName = String(fields.get('displayName') ?? '').trim();
    void this.run(async () => {
      const password = await this.api!.add({
        username: String(fields.get('username') ?? '').trim(),
        ...(displayName && { displayName }),
        role: String(fields.get('role')) as Role,
        emergency: fields.get('emergency') === 'on',
      });
      form.reset();
      return this.locale.t.accOneTimeNew(password);
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'accounts-panel': AccountsPanel;
  }
}
