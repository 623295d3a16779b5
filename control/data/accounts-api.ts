/** The panel's client for account management (admins; the server refuses others with 403). */
import type { AccountView, MeView, Role } from '../../shared/staff.ts';
import type { ApiClient } from './api.ts';
import type { Language } from '../../shared/languages.ts';

export interface NewAccountInput {
  username: string;
  displayName?: string;
  role: Role;
  emergency: boolean;
}

export class AccountsApi {
  constructor(private readonly api: ApiClient) {}

  me(): Promise<MeView> {
    return this.api.get<MeView>('/api/me');
  }

  /** Keeps the panel language on the person's account, so every device they sign in on follows it. */
  setLanguage(language: Language): Promise<unknown> {
    return this.api.patch('/api/me', { language });
  }

  async list(): Promise<AccountView[]> {
    return (await this.api.get<{ accounts: AccountView[] }>('/api/accounts')).accounts;
  }

  /** Returns the one-time password to show once. */
  async add(input: NewAccountInput): Promise<string> {
    const answer = await this.api.post<{ oneTimePassword: string }>('/api/accounts', input);
    return answer.oneTimePassword;
  }

  change(username: string, change: { role?: Role; emergency?: boolean; disabled?: boolean }): Promise<unknown> {
    return this.api.patch(`/api/accounts/${encodeURIComponent(username)}`, change);
  }

  async reset(username: string): Promise<string> {
    return (await this.api.post<{ oneTimePassword: string }>(`/api/accounts/${encodeURIComponent(username)}/reset`)).oneTimePassword;
  }
}
