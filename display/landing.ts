/**
 * The landing page: one link per door display (from the live venue list), next to the static
 * links to the lobby board and the control panel. Plain DOM: this page needs no framework.
 */
import type { Schedule, Venue } from '../shared/model.ts';

function roomLink(venue: Venue): HTMLLIElement {
  const item = document.createElement('li');
  const link = document.createElement('a');
  const path = `/display/room/${encodeURIComponent(venue.id)}`;
  link.href = path;
  link.textContent = venue.name;
  link.dir = 'auto';
  const code = document.createElement('code');
  code.className = 'muted';
  code.textContent = path;
  item.append(link, ' ', code);
  if (venue.kind === 'online') item.append(' (online venue)');
  return item;
}

async function listRooms(): Promise<void> {
  const status = document.getElementById('status')!;
  const list = document.getElementById('rooms')!;
  try {
    const response = await fetch('/api/schedule');
    if (!response.ok) throw new Error(`the server answered ${response.status}`);
    const schedule = (await response.json()) as Schedule;
    list.replaceChildren(...schedule.venues.map(roomLink));
    status.textContent = `${schedule.venues.length} rooms · times in ${schedule.timezone}`;
  } catch (error) {
    status.textContent = `Could not load the rooms: ${error instanceof Error ? error.message : String(error)}`;
  }
}

void listRooms();
