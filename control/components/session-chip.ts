/**
 * What a session looks like in the grid and the list: time, title and what changed since it was
 * published. Shared by both layouts so they never disagree.
 */
import { html, nothing } from 'lit';
import type { Schedule, Session } from '../../shared/model.ts';
import { sessionChange } from '../../shared/views/change.ts';
import { slotLabel, venueName } from '../data/schedule-queries.ts';

export function changeBadges(schedule: Schedule, session: Session) {
  const change = sessionChange(session);
  const badges: string[] = [];
  if (change.movedFrom) badges.push(`Moved from ${venueName(schedule, change.movedFrom)}`);
  if (change.startShiftMinutes && change.startShiftMinutes > 0) badges.push(`Delayed ${change.startShiftMinutes} min`);
  else if (change.retimed) badges.push('New time');
  return html`${change.cancelled ? html`<span class="badge cancelled">Cancelled</span> ` : nothing}${badges.map(
    (b) => html`<span class="badge">${b}</span> `,
  )}`;
}

/** True when the session differs from what was published (drives the amber marker). */
export function isChanged(session: Session): boolean {
  const change = sessionChange(session);
  return change.cancelled || change.retimed || change.movedFrom !== undefined;
}

export function chipContent(schedule: Schedule, session: Session, options: { venue?: boolean } = {}) {
  const zone = schedule.timezone;
  return html`<span class="time"
      >${slotLabel(session, zone)}${options.venue ? ` · ${venueName(schedule, session.venueId)}` : ''}</span
    >
    <span class="title">${session.title}</span>
    <span class="badges">${changeBadges(schedule, session)}</span>`;
}
