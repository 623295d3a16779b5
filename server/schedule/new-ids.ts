/** Ids for new sessions and announcements: readable in logs and URLs, unique by a random suffix. */
import { randomBytes } from 'node:crypto';

function suffix(): string {
  return randomBytes(4).readUInt32BE().toString(36).padStart(6, '0').slice(-6);
}

/** "Side event on cybercrime!" → "side-event-on-cybercrime-k3f9zq" */
export function slugId(text: string, fallback: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, 40)
    .replace(/^-+|-+$/g, '');
  return `${slug || fallback}-${suffix()}`;
}

/** A fresh id that `taken` does not contain yet. */
export function uniqueId(text: string, fallback: string, taken: (id: string) => boolean): string {
  for (;;) {
    const id = slugId(text, fallback);
    if (!taken(id)) return id;
  }
}
