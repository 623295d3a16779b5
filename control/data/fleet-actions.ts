/**
 * The staff commands on the display fleet (REST, staff only): pair a screen showing a code,
 * rename or reassign it, make it show its name or reload, forget it. Each answer updates the
 * panel's fleet list at once; the live channel's `displays` event confirms it moments later.
 */
import type { Language } from '../../shared/languages.ts';
import type { Schedule } from '../../shared/model.ts';
import type { Assignment, DisplayStatus } from '../../shared/protocol.ts';
import type { ApiClient } from './api.ts';
import type { ControlStore } from './store.ts';
import type { PanelMessages } from '../i18n/messages.ts';
import { panelLocale } from '../i18n/panel-locale.ts';

/** The choices of a "Shows" menu: the lobby, then each room's door. */
/** `name` is the room's name inside the label: data, which an <option> cannot isolate with markup. */
export function assignmentChoices(
  schedule: Schedule,
  t: PanelMessages = panelLocale.messages,
): Array<{ value: string; label: string; name?: string }> {
  const rooms = schedule.venues.filter((venue) => venue.kind === 'room');
  return [
    { value: 'lobby', label: t.scrLobby },
    ...rooms.map((venue) => ({ value: `room:${venue.id}`, label: t.scrDoorOf(venue.name), name: venue.name })),
  ];
}

export function choiceOf(display: Pick<DisplayStatus, 'view' | 'venueId'>): string {
  return display.view === 'lobby' ? 'lobby' : `room:${display.venueId ?? ''}`;
}

export function assignmentOf(choice: string): Assignment {
  return choice.startsWith('room:') ? { view: 'room', venueId: choice.slice('room:'.length) } : { view: 'lobby' };
}

export class FleetActions {
  constructor(
    private readonly api: ApiClient,
    private readonly store: ControlStore,
  ) {}

  async pair(code: string, assignment: Assignment, name: string): Promise<DisplayStatus> {
    const display = await this.api.post<DisplayStatus>('/api/displays/pair', { code, ...assignment, name });
    this.keep(display);
    return display;
  }

  async update(
    id: string,
    change: {
      name?: string;
      directions?: Record<string, string>;
      language?: Language;
      languages?: Language[];
      rotationSeconds?: number;
    } & Partial<Assignment>,
  ): Promise<DisplayStatus> {
    const display = await this.api.patch<DisplayStatus>(displayPath(id), change);
    this.keep(display);
    return display;
  }

  /** Resolves with false when the screen is not connected (the command is not kept for later). */
  async identify(id: string): Promise<boolean> {
    return (await this.api.post<{ sent: boolean }>(`${displayPath(id)}/identify`)).sent;
  }

  async reload(id: string): Promise<boolean> {
    return (await this.api.post<{ sent: boolean }>(`${displayPath(id)}/reload`)).sent;
  }

  async forget(id: string): Promise<void> {
    await this.api.delete(displayPath(id));
    this.store.setDisplays(this.store.displays.filter((d) => d.id !== id));
  }

  /** Forgets every offline screen at once; returns how many went. */
  async forgetOffline(): Promise<number> {
    const { forgotten } = await this.api.post<{ forgotten: number }>('/api/displays/forget-offline');
    this.store.setDisplays(this.store.displays.filter((d) => d.connected));
    return forgotten;
  }

  private keep(display: DisplayStatus): void {
    this.store.setDisplays([...this.store.displays.filter((d) => d.id !== display.id), display]);
  }
}

function displayPath(id: string): string {
  return `/api/displays/${encodeURIComponent(id)}`;
}
