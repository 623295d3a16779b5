/** The panel's reading of an undo refusal: "Undo anyway" is offered only where the server said force would work. */
import { describe, expect, it } from 'vitest';
import { explainUndoRefusal } from '../../control/data/undo-effects.ts';
import type { JournalEntry } from '../../shared/protocol.ts';

const entry: JournalEntry = {
  revision: 4,
  at: '2024-10-14T13:00:00+02:00',
  actor: 'ann',
  operation: 'session.move',
  summary: 'Moved “Water” from CR3 to M7',
  sessionId: 'water',
};
const clash = { id: 'briefing', title: 'Press briefing', start: '2024-10-14T13:00', end: '2024-10-14T13:30' };

describe('explainUndoRefusal', () => {
  it('a forceable clash names the session in the way and offers undo anyway', () => {
    const refusal = explainUndoRefusal(
      { error: 'cannot undo revision 4: CR3 is already taken by “Press briefing”', clash, forceable: true },
      entry,
    );
    expect(refusal).toEqual({
      text: 'Can’t undo this: CR3 is already taken by “Press briefing”.',
      blockingSessionId: 'briefing',
      next: 'Move or shorten “Press briefing” first, then undo again — or undo anyway and keep both in the room.',
      forceable: true,
      names: ['Press briefing', 'CR3 is already taken by “Press briefing”'],
    });
  });

  it('a later change is never offered undo anyway', () => {
    const refusal = explainUndoRefusal(
      { error: 'cannot undo revision 4: “Water” has been changed again since (title)' },
      entry,
    );
    expect(refusal.forceable).toBeUndefined();
    expect(refusal).toMatchObject({
      blockingSessionId: 'water',
      next: expect.stringContaining('Undo the later changes first'),
    });
  });
});
