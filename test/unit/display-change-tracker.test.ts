import { describe, expect, it } from 'vitest';
import { HIGHLIGHT_MS, isHighlighted, trackVersions } from '../../display/logic/change-tracker.ts';

describe('lobby change highlighting', () => {
  it('does not highlight what the board saw first, whatever its version', () => {
    const seen = trackVersions(new Map(), [{ id: 'a', version: 4 }], 1_000);
    expect(isHighlighted(seen, 'a', 1_000)).toBe(false);
  });

  it('highlights a session whose version increased, for a few minutes', () => {
    let seen = trackVersions(
      new Map(),
      [
        { id: 'a', version: 1 },
        { id: 'b', version: 1 },
      ],
      0,
    );
    seen = trackVersions(
      seen,
      [
        { id: 'a', version: 2 },
        { id: 'b', version: 1 },
      ],
      10_000,
    );
    expect(isHighlighted(seen, 'a', 10_000)).toBe(true);
    expect(isHighlighted(seen, 'a', 10_000 + HIGHLIGHT_MS - 1)).toBe(true);
    expect(isHighlighted(seen, 'a', 10_000 + HIGHLIGHT_MS)).toBe(false);
    expect(isHighlighted(seen, 'b', 10_000)).toBe(false);
  });

  it('restarts the highlight on a further change, and ignores an unchanged version', () => {
    let seen = trackVersions(new Map(), [{ id: 'a', version: 1 }], 0);
    seen = trackVersions(seen, [{ id: 'a', version: 2 }], 1_000);
    seen = trackVersions(seen, [{ id: 'a', version: 2 }], 50_000);
    expect(seen.get('a')).toEqual({ version: 2, changedAt: 1_000 });
    seen = trackVersions(seen, [{ id: 'a', version: 3 }], 60_000);
    expect(seen.get('a')).toEqual({ version: 3, changedAt: 60_000 });
  });
});
