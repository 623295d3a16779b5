/**
 * Who this screen is to the server: a stable display id and a secret token of its own, both kept
 * in localStorage. A page at a room or lobby URL keeps one identity per URL (as before); the bare
 * /display page keeps the "screen" identity, whose assignment staff choose, and caches that
 * assignment so it comes up showing it even when the server is down.
 */
import type { DisplayRoute } from './route.ts';
import type { KeyValueStore } from './storage.ts';

/** The identity key of the bare /display page: the screen staff pair and manage. */
export const MANAGED_KEY = 'screen';
const ASSIGNMENT_KEY = 'signage:assignment:v1';

export interface Identity {
  displayId: string;
  token: string;
}

export function identityKey(route: DisplayRoute | null): string {
  if (!route) return MANAGED_KEY;
  return route.view === 'room' ? `room-${route.venueId}` : 'lobby';
}

export function loadIdentity(store: KeyValueStore | undefined, key: string): Identity {
  return {
    displayId: displayIdFor(store, key),
    token: keptValue(store, tokenKey(key), () => randomHex(24)),
  };
}

/** Keeps an identity under a key; an empty one makes the key start afresh next time. */
export function saveIdentity(store: KeyValueStore | undefined, key: string, identity: Identity | null): void {
  write(store, displayIdKey(key), identity?.displayId ?? '');
  write(store, tokenKey(key), identity?.token ?? '');
}

export function loadAssignment(store: KeyValueStore | undefined): DisplayRoute | null {
  try {
    const value: unknown = JSON.parse(store?.getItem(ASSIGNMENT_KEY) || 'null');
    if (typeof value !== 'object' || value === null) return null;
    const { view, venueId } = value as Record<string, unknown>;
    if (view === 'lobby') return { view };
    return view === 'room' && typeof venueId === 'string' ? { view, venueId } : null;
  } catch {
    return null;
  }
}

export function saveAssignment(store: KeyValueStore | undefined, route: DisplayRoute | null): void {
  write(store, ASSIGNMENT_KEY, route ? JSON.stringify(route) : '');
}

function tokenKey(key: string): string {
  return `signage:display-token:${key}`;
}

function write(store: KeyValueStore | undefined, key: string, value: string): void {
  try {
    store?.setItem(key, value);
  } catch {
    // Storage full or disabled: the screen works, it only forgets across reloads.
  }
}

/**
 * Random hex. getRandomValues works without a secure context, unlike crypto.randomUUID, so
 * plain-http screens on a venue LAN get ids and tokens too.
 */
function randomHex(bytes: number): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(bytes)), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** A value kept under this key, made (and kept) on first use; '' counts as missing. */
function keptValue(store: KeyValueStore | undefined, storageKey: string, make: () => string): string {
  try {
    const existing = store?.getItem(storageKey);
    if (existing) return existing;
  } catch {
    // fall through to a fresh value
  }
  const value = make();
  try {
    store?.setItem(storageKey, value);
  } catch {
    // a value for this page load only
  }
  return value;
}

/**
 * A stable id for this screen, kept per view and venue so two displays in one browser (a test,
 * a rehearsal laptop) are told apart.
 */
function displayIdFor(store: KeyValueStore | undefined, key: string): string {
  return keptValue(store, displayIdKey(key), () => `${key}-${randomHex(8)}`);
}

function displayIdKey(key: string): string {
  return `signage:display-id:${key}`;
}
