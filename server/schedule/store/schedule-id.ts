/** The random identity of a schedule (see SCHEDULE_ID_PATTERN in shared/ids.ts): 64 bits as hex. */
import { randomBytes } from 'node:crypto';

export function newScheduleId(): string {
  return randomBytes(8).toString('hex');
}
