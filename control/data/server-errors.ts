/**
 * The server's coded refusals in the reader's words. The server sends its English `error` and, for
 * the common refusals, a stable `code` with `params` (server/platform/errors.ts); a code the panel
 * does not know, or a refusal without one, is shown in the server's English, as sent.
 */
import type { PanelMessages } from '../i18n/messages.ts';
import type { ApiErrorBody } from './api.ts';
import type { RefusalCode } from '../../shared/refusal-codes.ts';

export type Params = Record<string, unknown>;

const text = (params: Params, name: string): string => String(params[name] ?? '');
export const count = (params: Params, name: string): number => Number(params[name]);

const FIELD_PROBLEMS: Record<string, (t: PanelMessages, params: Params) => string> = {
  'field.missing': (t) => t.errMissing,
  'field.wrong-type': (t) => t.errWrongType,
  'field.empty': (t) => t.errEmpty,
  'field.too-long': (t, p) => t.errTooLong(count(p, 'maximum')),
  'field.too-short': (t, p) => t.errTooShort(count(p, 'minimum')),
  'field.too-large': (t, p) => t.errTooLarge(count(p, 'maximum')),
  'field.too-small': (t, p) => t.errTooSmall(count(p, 'minimum')),
  'field.unknown': (t) => t.errUnknownField,
  'field.invalid': (t) => t.errInvalid,
};

const UNDO_REASONS: Record<string, (t: PanelMessages, params: Params) => string> = {
  'undo.account': (t) => t.undoWhyAccount,
  'undo.undone': (t, p) => t.undoWhyUndoneBy(count(p, 'undoneBy')),
  'undo.deleted': (t, p) => t.undoWhyDeleted(text(p, 'title')),
  'undo.changed': (t, p) => t.undoWhyChanged(text(p, 'title')),
  'undo.exists-again': (t, p) => t.undoWhyExistsAgain(text(p, 'title')),
  'undo.announcement-gone': (t, p) => t.undoWhyAnnouncementGone(text(p, 'text')),
  'undo.announcement-changed': (t, p) => t.undoWhyAnnouncementChanged(text(p, 'text')),
  'undo.announcement-back': (t) => t.undoWhyAnnouncementBack,
  'undo.expired': (t, p) => t.undoWhyAnnouncementExpired(text(p, 'text')),
  'undo.emergency-changed': (t) => t.undoWhyEmergencyChanged,
  'undo.conference-changed': (t) => t.undoWhyConferenceChanged,
  'undo.venue-changed': (t, p) => t.undoWhyVenueChanged(text(p, 'venue')),
  'undo.settings-changed': (t) => t.undoWhySettingsChanged,
};

/** Every code of shared/refusal-codes.ts, each a whole sentence (the type makes a missing one fail to compile). */
export const REFUSALS: Record<RefusalCode, (t: PanelMessages, params: Params) => string> = {
  'pairing.unknown-code': (t, p) => t.refusedPairingCode(text(p, 'code')),
  'display.not-found': (t) => t.refusedDisplayGone,
  'venue.not-found': (t, p) => t.refusedVenueGone(text(p, 'venueId')),
  'account.username-taken': (t, p) => t.refusedUsernameTaken(text(p, 'username')),
  'account.username-empty': (t) => t.refusedUsernameEmpty,
  'account.username-too-long': (t, p) => t.refusedUsernameTooLong(count(p, 'maximum')),
  'account.username-characters': (t) => t.refusedUsernameCharacters,
  'account.password-too-short': (t, p) => t.refusedPasswordTooShort(count(p, 'minimum')),
  'account.password-too-long': (t, p) => t.refusedPasswordTooLong(count(p, 'maximum')),
  'account.password-common': (t) => t.refusedPasswordCommon,
  'account.role': (t, p) => t.refusedRole(text(p, 'role')),
  'account.display-name': (t, p) => t.refusedDisplayName(count(p, 'maximum')),
  'account.current-password-wrong': (t) => t.refusedCurrentPasswordWrong,
  'account.password-unchanged': (t) => t.refusedPasswordUnchanged,
  'account.unknown': (t, p) => t.refusedUnknownAccount(text(p, 'username')),
  'account.last-admin': (t) => t.refusedLastAdmin,
  'feed.url': (t) => t.refusedFeedUrl,
  'feed.not-found': (t) => t.refusedFeedGone,
  'store.unavailable': (t) => t.refusedNotStored,
  'pairing.unconfirmed': (t) => t.refusedPairingUnconfirmed,
  'sso.not-configured': (t) => t.refusedSsoNotConfigured,
  'sso.not-started': (t, p) => t.refusedSsoNotStarted(count(p, 'minutes')),
  'sso.wrong-state': (t) => t.refusedSsoWrongState,
  'sso.provider-refused': (t, p) => t.refusedSsoProviderRefused(text(p, 'reason')),
  'sso.provider-unreachable': (t, p) => t.refusedSsoProviderUnreachable(text(p, 'issuer')),
  'sso.token-expired': (t) => t.refusedSsoTokenExpired,
  'sso.wrong-nonce': (t) => t.refusedSsoWrongNonce,
  'sso.code-refused': (t, p) => t.refusedSsoCodeRefused(text(p, 'reason')),
  'sso.unverified': (t) => t.refusedSsoUnverified,
  'sso.account-disabled': (t) => t.refusedSsoAccountDisabled,
};

function paramsOf(body: Pick<ApiErrorBody, 'params'>): Params {
  return typeof body.params === 'object' && body.params !== null ? (body.params as Params) : {};
}

/** Why an undo was refused, in the reader's words; undefined for a reason the panel has no words for. */
export function undoReason(body: ApiErrorBody, t: PanelMessages, slot?: string): string | undefined {
  const params = paramsOf(body);
  if (body.code === 'undo.room-taken' && slot !== undefined) {
    return t.undoWhyRoomTaken(text(params, 'venue'), text(params, 'title'), slot);
  }
  const word = typeof body.code === 'string' ? UNDO_REASONS[body.code] : undefined;
  return word?.(t, params);
}

/** What a refusal's words place (a username, a pairing code): data, to be set apart where it is shown. */
export function refusalNames(body: Pick<ApiErrorBody, 'params'>): string[] {
  return Object.values(paramsOf(body)).filter((value): value is string => typeof value === 'string' && value !== '');
}

/** The refusal as the panel shows it: worded here when its code is known, the server's English otherwise. */
export function refusalText(body: ApiErrorBody, t: PanelMessages): string | undefined {
  const params = paramsOf(body);
  const problem = typeof body.code === 'string' ? FIELD_PROBLEMS[body.code] : undefined;
  if (problem && typeof params.field === 'string') return t.errField(params.field, problem(t, params));
  const refused = typeof body.code === 'string' ? REFUSALS[body.code as RefusalCode] : undefined;
  if (refused) return refused(t, params);
  const reason = undoReason(body, t);
  if (reason) return t.undoCant(reason);
  return body.error || undefined;
}
