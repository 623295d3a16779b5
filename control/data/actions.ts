/**
 * Every write the panel makes, in one place. Each resolves once the live copy holds the change
 * (the socket delta normally arrives first; a fetch covers a slow or missing one), so the screen a
 * staff member looks at after a click already shows what they did.
 */
import type { Announcement, Emergency, ScheduleSettings, Session, Venue } from '../../shared/model.ts';
import type {
  AnnouncementInput,
  DelayInput,
  EmergencyInput,
  NewSessionInput,
  SessionPatch,
  SettingsPatch,
  VenuePatch,
} from '../../shared/commands.ts';
import type { ApiClient } from './api.ts';
import type { LiveChannel } from './live.ts';
import type { ControlStore } from './store.ts';

/** How long to wait for the socket to bring a change before fetching the schedule instead. */
const DELTA_WAIT_MS = 1500;

interface Written {
  revision: number;
}

export class Actions {
  constructor(
    private readonly api: ApiClient,
    private readonly store: ControlStore,
    private readonly live: LiveChannel,
  ) {}

  patchSession(id: string, patch: SessionPatch): Promise<Session> {
    return this.write<{ session: Session } & Written>(this.api.patch(sessionPath(id), patch)).then((r) => r.session);
  }

  delaySession(id: string, input: DelayInput): Promise<void> {
    return this.write(this.api.post<Written>(`${sessionPath(id)}/delay`, input)).then(() => undefined);
  }

  createSession(input: NewSessionInput): Promise<Session> {
    return this.write(this.api.post<{ session: Session } & Written>('/api/sessions', input)).then((r) => r.session);
  }

  deleteSession(id: string, expectedVersion: number): Promise<void> {
    const path = `${sessionPath(id)}?expectedVersion=${expectedVersion}`;
    return this.write(this.api.delete<Written>(path)).then(() => undefined);
  }

  announce(input: AnnouncementInput): Promise<Announcement> {
    return this.write(this.api.post<{ announcement: Announcement } & Written>('/api/announcements', input)).then(
      (r) => r.announcement,
    );
  }

  withdrawAnnouncement(id: string): Promise<void> {
    return this.write(this.api.delete<Written>(`/api/announcements/${encodeURIComponent(id)}`)).then(() => undefined);
  }

  setEmergency(input: EmergencyInput): Promise<Emergency> {
    return this.write(this.api.put<{ emergency: Emergency } & Written>('/api/emergency', input)).then(
      (r) => r.emergency,
    );
  }

  clearEmergency(): Promise<void> {
    return this.write(this.api.delete<Written>('/api/emergency')).then(() => undefined);
  }

  patchVenue(id: string, patch: VenuePatch): Promise<Venue> {
    return this.write(this.api.patch<{ venue: Venue } & Written>(`/api/venues/${encodeURIComponent(id)}`, patch)).then(
      (r) => r.venue,
    );
  }

  updateSettings(patch: SettingsPatch): Promise<ScheduleSettings> {
    return this.write(this.api.patch<{ settings: ScheduleSettings } & Written>('/api/settings', patch)).then(
      (r) => r.settings,
    );
  }

  /** `force` keeps both sessions in a room the undone change had freed (the only refusal it lifts). */
  undo(revision: number, force = false): Promise<void> {
    const body = force ? { force: true } : undefined;
    return this.write(this.api.post<Written>(`/api/changes/${revision}/undo`, body)).then(() => undefined);
  }

  /** Waits until the live copy reflects the acknowledged revision. */
  private async write<T extends Partial<Written> | undefined>(request: Promise<T>): Promise<T> {
    const result = await request;
    const revision = result?.revision;
    if (typeof revision === 'number' && this.store.revision < revision) {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const timeout = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), DELTA_WAIT_MS)));
      const outcome = await Promise.race([this.store.waitForRevision(revision), timeout]);
      clearTimeout(timer);
      if (outcome === 'timeout') await this.live.loadSchedule();
    }
    return result;
  }
}

function sessionPath(id: string): string {
  return `/api/sessions/${encodeURIComponent(id)}`;
}
