/** The way to a room on a lobby row: short directions as written, long ones give way to the floor. */
import { describe, expect, it } from 'vitest';
import { boardDirections } from '../../display/logic/format.ts';

const room = { id: 'M7', name: 'M7', kind: 'room' as const };

describe('boardDirections', () => {
  it('shows directions that fit the room column', () => {
    expect(boardDirections({ ...room, floor: '1st floor', directions: 'Lift to level 1, then left' })).toBe(
      'Lift to level 1, then left',
    );
  });

  it('shows the floor instead of directions too long for the column', () => {
    expect(boardDirections({ ...room, floor: '1st floor', directions: 'M-Building, 1st floor, turn left' })).toBe(
      '1st floor',
    );
  });

  it('keeps long directions when there is no floor, and says nothing when there is neither', () => {
    expect(boardDirections({ ...room, directions: 'M-Building, 1st floor, turn left' })).toBe(
      'M-Building, 1st floor, turn left',
    );
    expect(boardDirections(room)).toBe('');
    expect(boardDirections(undefined)).toBe('');
  });
});
