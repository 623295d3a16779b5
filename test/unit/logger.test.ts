/** The one logger: JSON lines, errors with their stack, secrets censored at any depth we promise. */
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../server/platform/logger.ts';

function capturing() {
  const lines: string[] = [];
  const logger = createLogger({ destination: { write: (line: string) => void lines.push(line) } });
  return { logger, records: () => lines.map((line) => JSON.parse(line) as Record<string, any>) };
}

describe('createLogger', () => {
  it('writes levels, messages and fields as JSON lines', () => {
    const { logger, records } = capturing();
    logger.info('started', { port: 8080 });
    logger.warn('feed poll failed', { feed: 'f1' });
    expect(records()).toMatchObject([
      { level: 30, msg: 'started', port: 8080 },
      { level: 40, msg: 'feed poll failed', feed: 'f1' },
    ]);
  });

  it('logs an error with its type, message and stack, beside the fields', () => {
    const { logger, records } = capturing();
    logger.error('unexpected error while answering a request', new TypeError('boom'), { reqId: 'r1' });
    const [record] = records();
    expect(record).toMatchObject({ level: 50, reqId: 'r1', err: { type: 'TypeError', message: 'boom' } });
    expect(record!.err.stack).toContain('TypeError: boom');
  });

  it('censors passwords, tokens, passcodes, cookies and authorization wherever a caller puts them', () => {
    const { logger, records } = capturing();
    logger.info('careless', {
      password: 'p1',
      token: 't1',
      body: { password: 'p2', currentPassword: 'p3', newPassword: 'p4' },
      display: { token: 't2', secret: 's1' },
      req: { headers: { cookie: 'c1', authorization: 'a1' } },
      session: { online: { passcode: 'pc1', meetingId: '123' } },
      delta: { session: { online: { passcode: 'pc2' } } },
    });
    const text = JSON.stringify(records());
    for (const secret of ['p1', 'p2', 'p3', 'p4', 't1', 't2', 's1', 'c1', 'a1', 'pc1', 'pc2'])
      expect(text).not.toContain(`"${secret}"`);
    expect(records()[0]!.session.online.meetingId).toBe('123');
  });

  it('writes nothing below its level', () => {
    const lines: string[] = [];
    const logger = createLogger({ level: 'warn', destination: { write: (line: string) => void lines.push(line) } });
    logger.info('chatter');
    logger.warn('worth reading');
    expect(lines.map((line) => JSON.parse(line).msg)).toEqual(['worth reading']);
  });
});
