/**
 * Staff accounts: roles, what each may do, and the rules for usernames and passwords. Both tiers
 * need them (the server's door enforces them, the panel hides what a role cannot use), so they
 * live here, once.
 */
import type { Language } from './languages.ts';
import { refusal, type CodedRefusal } from './refusal-codes.ts';

export const ROLES = ['viewer', 'editor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/**
 * What a request or socket event needs. `signed-in` is any valid session (logout, own password);
 * `read` is the panel read-only; `edit` schedule changes, announcements, imports; `emergency`
 * taking over every screen; `admin` the fleet, accounts and settings.
 */
export type Permission = 'public' | 'signed-in' | 'read' | 'edit' | 'emergency' | 'admin';

export interface Grant {
  role: Role;
  /** The separate emergency grant an admin gives a duty manager. */
  emergency: boolean;
}

/** The one place that says which role may do what. */
export function allows(grant: Grant, permission: Permission): boolean {
  switch (permission) {
    case 'public':
    case 'signed-in':
    case 'read':
      return true;
    case 'edit':
      return grant.role === 'editor' || grant.role === 'admin';
    case 'emergency':
      return grant.role === 'admin' || grant.emergency;
    case 'admin':
      return grant.role === 'admin';
  }
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export const USERNAME_MAX = 64;
/** Letters, digits and . _ - @ (e-mail-like directory names work); no spaces, no control characters. */
const USERNAME = /^[\p{L}\p{N}][\p{L}\p{N}._@-]*$/u;

/** Why a username cannot be used, with its refusal code, or null when it can. */
export function usernameRefusal(username: string): { problem: string; coded: CodedRefusal } | null {
  if (username.length === 0) return { problem: 'must not be empty', coded: refusal('account.username-empty') };
  if (username.length > USERNAME_MAX)
    return {
      problem: `must be at most ${USERNAME_MAX} characters`,
      coded: refusal('account.username-too-long', { maximum: USERNAME_MAX }),
    };
  if (!USERNAME.test(username))
    return {
      problem: 'may contain only letters, digits and . _ - @ (no spaces or control characters)',
      coded: refusal('account.username-characters'),
    };
  return null;
}

/** Why a username cannot be used, or null when it can. */
export function usernameProblem(username: string): string | null {
  return usernameRefusal(username)?.problem ?? null;
}

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 1000;

/** The most used passwords that are 12 characters or longer (from public breach lists). */
const COMMON_PASSWORDS = new Set([
  '123456789012',
  '1234567890123',
  '12345678910111213',
  'qwertyuiopas',
  'qwertyuiop123',
  'password1234',
  'password12345',
  'password123456',
  'passwordpassword',
  'iloveyou1234',
  'adminadmin123',
  'administrator',
  'welcome12345',
  'letmein12345',
  'changeme1234',
  'qwerty123456',
  '1q2w3e4r5t6y',
  '1qaz2wsx3edc',
  'aaaaaaaaaaaa',
  '111111111111',
  '000000000000',
  'abcdefghijkl',
  'abc123456789',
  'trustno1trustno1',
  'baseball1234',
  'football1234',
  'superman1234',
  'sunshine1234',
  'princess1234',
  'dragon123456',
  'monkey123456',
  'starwars1234',
  'master123456',
  'correcthorsebatterystaple',
  'signage12345',
  'conference2024',
]);

/** Why a password cannot be used, with its refusal code, or null when it can. */
export function passwordRefusal(password: string): { problem: string; coded: CodedRefusal } | null {
  if (password.length < PASSWORD_MIN)
    return {
      problem: `must be at least ${PASSWORD_MIN} characters`,
      coded: refusal('account.password-too-short', { minimum: PASSWORD_MIN }),
    };
  if (password.length > PASSWORD_MAX)
    return {
      problem: `must be at most ${PASSWORD_MAX} characters`,
      coded: refusal('account.password-too-long', { maximum: PASSWORD_MAX }),
    };
  const folded = password.toLowerCase().replace(/[\s-]/g, '');
  if (COMMON_PASSWORDS.has(folded) || /^(.)\1+$/.test(folded))
    return {
      problem: 'is one of the most common passwords; choose another',
      coded: refusal('account.password-common'),
    };
  return null;
}

/** Why a password cannot be used, or null when it can. */
export function passwordProblem(password: string): string | null {
  return passwordRefusal(password)?.problem ?? null;
}

/** An account as the panel and `GET /api/accounts` see it (never the hash). */
export interface AccountView {
  username: string;
  displayName: string;
  role: Role;
  emergency: boolean;
  disabled: boolean;
  /** Set after a reset: the one-time password must be replaced at the next login. */
  mustChangePassword: boolean;
  /** 'password', or 'sso' for accounts made by a single sign-on. */
  source: 'password' | 'sso';
  createdAt: string;
  lastLoginAt: string | null;
}

/** Whether the login page offers single sign-on (`GET /api/sso`), and under which name. */
export type SsoAnswer = { enabled: false } | { enabled: true; providerName: string };

/** Who is signed in (`GET /api/me`). */
export interface MeView {
  username: string;
  displayName: string;
  role: Role;
  emergency: boolean;
  mustChangePassword: boolean;
  /** The panel language the person chose (shared/languages.ts); absent = follow the browser. */
  language?: Language;
}
