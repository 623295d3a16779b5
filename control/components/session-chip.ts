/**
 * What a session looks like in the grid and the list: time, title and what changed since it was
 * published. Shared by both layouts so they never disagree.
 */
import { html, nothing } from 'lit';
import type { Schedule, Session } from '../../shared/model.ts';
import { sessionChange } from '../../shared/views/change.ts';
import { slotLabel, venueName } from '../data/schedule-queries.ts';
import type { PanelMessages } from '../i18n/messages.ts';
import { aroundData } from '../i18n/format.ts';

export function changeBadges(schedule: Schedule, session: Session, t: PanelMessages) {
  const change = sessionChange(session);
  const badges: unknown[] = [];
  // The room's name is data: isolated, so "Moved from Conference Room 3" keeps its order in Arabic.
  if (change.movedFrom) badges.push(aroundData(t.chipMovedFrom, venueName(schedule, change.movedFrom)));
  if (change.startShiftMinutes && change.startShiftMinutes > 0) badges.push(t.chipDelayed(change.startShiftMinutes));
  else if (change.retimed) badges.push(t.chipNewTime);
  return html`${change.cancelled ? html`<span class="badge cancelled">${t.chipCancelled}</span> ` : nothing}${badges.map(
    (b) => html`<span class="badge">${b}</span> `,
  )}`;
}

/** True when the session differs from what was published (drives the amber marker). */
export function isChanged(session: Session): boolean {
  const change = sessionChange(session);
  return change.cancelled || change.retimed || change.movedFrom !== undefined;
}

export function chipContent(schedule: Schedule, session: Session, t: PanelMessages, options: { venue?: boolean } = {}) {
  const zone = schedule.timezone;
  return html`<span class="time"
      >${slotLabel(session, zone)}${options.venue ? html` · <bdi>${venueName(schedule, session.venueId)}</bdi>` : ''}</span
    >
    <bdi class="title">${session.title}</bdi>
    <span class="badges">${changeBadges(schedule, session, t)}</span>`;
}
