/**
 * The ghost-screen rule: a display page nobody paired (a preview tab) is listed but not counted
 * until staff assign it or it stays connected for 10 minutes; never-paired screens offline for a
 * day drop out; "forget offline screens" clears the rest in one go.
 */
import { describe, expect, it } from 'vitest';
import { DisplayRegistry } from '../../server/fleet/display-registry.ts';
import { TRIAL_MS, UNPAIRED_TTL_MS } from '../../server/fleet/fleet-entry.ts';
import type { DisplayHello } from '../../server/fleet/fleet-messages.ts';

function hello(displayId: string): DisplayHello {
  return {
    socketId: `s-${displayId}`,
    displayId,
    token: `token-${displayId}`,
    view: 'room',
    venueId: 'CR3',
    defaultName: () => 'CR3 door',
    revision: 0,
  };
}

describe('ghost screens', () => {
  it('a URL-opened screen is not counted until it has stayed connected for 10 minutes', () => {
    let now = 1_000_000;
    const registry = new DisplayRegistry(() => now);
    registry.admit(hello('tab'));
    expect(registry.get('tab')?.counted).toBe(false);
    now += TRIAL_MS;
    registry.checkStale();
    expect(registry.get('tab')?.counted).toBe(true);
    // Once proven it stays counted through a short outage.
    registry.disconnected('tab');
    expect(registry.get('tab')?.counted).toBe(true);
  });

  it('a disconnect restarts the 10 minutes', () => {
    let now = 0;
    const registry = new DisplayRegistry(() => now);
    registry.admit(hello('tab'));
    now += TRIAL_MS - 1;
    registry.disconnected('tab');
    registry.admit(hello('tab'));
    now += 1;
    registry.checkStale();
    expect(registry.get('tab')?.counted).toBe(false);
  });

  it('is counted at once when staff assign it, and then never drops out by itself', async () => {
    let now = 0;
    const registry = new DisplayRegistry(() => now);
    registry.admit(hello('door'));
    await registry.update('door', { assignment: { view: 'lobby' } });
    expect(registry.get('door')?.counted).toBe(true);
    registry.disconnected('door');
    now += 2 * UNPAIRED_TTL_MS;
    registry.checkStale();
    expect(registry.get('door')).toBeDefined();
  });

  it('a never-paired screen offline for a day drops out by itself', () => {
    let now = 0;
    const registry = new DisplayRegistry(() => now);
    registry.admit(hello('tab'));
    registry.disconnected('tab');
    now += UNPAIRED_TTL_MS - 1;
    registry.checkStale();
    expect(registry.get('tab')).toBeDefined();
    now += 2;
    registry.checkStale();
    expect(registry.get('tab')).toBeUndefined();
  });

  it('forgets every offline screen at once, keeping connected ones', async () => {
    const registry = new DisplayRegistry(() => 0);
    registry.admit(hello('a'));
    registry.admit(hello('b'));
    registry.admit(hello('c'));
    registry.disconnected('a');
    registry.disconnected('b');
    expect(await registry.forgetOffline()).toBe(2);
    expect(registry.list().map((d) => d.id)).toEqual(['c']);
  });
});
