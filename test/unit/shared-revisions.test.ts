import { describe, expect, it } from 'vitest';
import { classifyDelta } from '../../shared/revisions.ts';

describe('classifyDelta', () => {
  it('applies exactly the next revision', () => {
    expect(classifyDelta(4, 5)).toBe('apply');
  });

  it('ignores revisions the screen already holds (replays after reconnecting)', () => {
    expect(classifyDelta(4, 4)).toBe('stale');
    expect(classifyDelta(4, 2)).toBe('stale');
  });

  it('reports a gap when revisions are missing in between', () => {
    expect(classifyDelta(4, 6)).toBe('gap');
    expect(classifyDelta(0, 9)).toBe('gap');
  });
});
