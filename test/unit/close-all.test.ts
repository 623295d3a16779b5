/**
 * A stop closes every part the start opened, newest first, even when one of them fails to close:
 * the stores opened first are still closed, the failure is logged, and the stop itself succeeds.
 */
import { describe, expect, it } from 'vitest';
import { closeAll } from '../../server/platform/close-all.ts';

describe('closing what a start opened', () => {
  it('closes everything newest first, past a failure, and logs it', async () => {
    const closed: string[] = [];
    const logged: Array<[string, unknown]> = [];
    const failure = new Error('socket.io would not close');
    const closer =
      (name: string, fails = false) =>
      async () => {
        closed.push(name);
        if (fails) throw failure;
      };
    await expect(
      closeAll([closer('stores'), closer('service'), closer('application', true), closer('metrics')], {
        error: (message, error) => void logged.push([message, error]),
      }),
    ).resolves.toBeUndefined();
    expect(closed).toEqual(['metrics', 'application', 'service', 'stores']);
    expect(logged).toEqual([['could not close part of the server; closing the rest', failure]]);
  });
});
