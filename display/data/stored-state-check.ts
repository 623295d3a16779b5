/**
 * The schema check of the state a screen saved in localStorage: the model's own ScheduleSchema
 * (shared/model.ts, zod/mini), so a stored copy is held to exactly the rules the server keeps.
 * Loaded lazily by storage.ts, as its own chunk, only when there is a saved state to restore: a
 * screen's first visit does not pay for zod. public/sw.js caches this chunk with the rest of the
 * build (assets/display-shell.json) so that an offline reboot can still run the check.
 */
import * as z from 'zod/mini';
import { ScheduleSchema } from '../../shared/model.ts';
import type { ClockState } from '../../shared/protocol.ts';
import type { PersistedState } from './storage.ts';

const ClockStateSchema: z.ZodMiniType<ClockState> = z.object({
  simulated: z.boolean(),
  speed: z.number(),
  anchorReal: z.number(),
  anchorClock: z.number(),
});

const PersistedStateSchema: z.ZodMiniType<PersistedState> = z.object({
  schedule: ScheduleSchema,
  clock: z.nullable(ClockStateSchema),
  offset: z.number(),
});

/** The stored value if the schema accepts it, else null (the screen then waits for the server). */
export function checkPersistedState(value: unknown): PersistedState | null {
  const result = PersistedStateSchema.safeParse(value);
  return result.success ? result.data : null;
}
