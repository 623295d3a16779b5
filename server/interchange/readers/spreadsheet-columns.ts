/**
 * Which column of an organiser's own spreadsheet holds which field: ordinary headers in English,
 * French, German and Spanish, or an explicit `--columns title=Session,start=From,…` mapping.
 */
import { ImportError } from '../import-types.ts';

export const FIELDS = ['title', 'date', 'start', 'end', 'room', 'organiser', 'status'] as const;
export type Field = (typeof FIELDS)[number];
export type ColumnMap = Partial<Record<Field, number>>;

/** Lower case, accents dropped, punctuation and runs of spaces as one space. */
export function headerKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

const SYNONYMS: Record<Field, string[]> = {
  title: [
    'title',
    'titre',
    'titel',
    'titulo',
    'session',
    'session title',
    'event',
    'name',
    'subject',
    'intitule',
    'nom',
    'veranstaltung',
    'thema',
    'sesion',
    'evento',
    'talk',
  ],
  date: ['date', 'datum', 'fecha', 'day', 'jour', 'tag', 'dia'],
  start: [
    'start',
    'begin',
    'starts',
    'start time',
    'time',
    'from',
    'debut',
    'heure',
    'heure de debut',
    'beginn',
    'von',
    'uhrzeit',
    'startzeit',
    'inicio',
    'hora',
    'hora de inicio',
    'desde',
  ],
  end: [
    'end',
    'ends',
    'end time',
    'to',
    'until',
    'fin',
    'heure de fin',
    'ende',
    'bis',
    'endzeit',
    'hora de fin',
    'hasta',
    'final',
  ],
  room: ['room', 'venue', 'location', 'salle', 'lieu', 'raum', 'ort', 'saal', 'sala', 'lugar', 'sitio'],
  organiser: [
    'organiser',
    'organizer',
    'organisers',
    'organizers',
    'speaker',
    'speakers',
    'host',
    'chair',
    'organisateur',
    'organisateurs',
    'intervenant',
    'intervenants',
    'veranstalter',
    'referent',
    'sprecher',
    'organizador',
    'organizadores',
    'ponente',
    'ponentes',
  ],
  status: ['status', 'statut', 'estado'],
};
const BY_KEY = new Map<string, Field>(
  Object.entries(SYNONYMS).flatMap(([field, names]) => names.map((n) => [n, field as Field])),
);

/** Columns recognised by their headers (the first column of each field wins). */
export function columnsFromHeaders(header: string[]): ColumnMap {
  const map: ColumnMap = {};
  header.forEach((name, i) => {
    const field = BY_KEY.get(headerKey(name));
    if (field && map[field] === undefined) map[field] = i;
  });
  return map;
}

/** Parses "title=Session,start=From" (the CLI form) into field → header name. */
export function parseColumnsOption(text: string): Record<string, string> {
  const mapping: Record<string, string> = {};
  for (const pair of text.split(',')) {
    const at = pair.indexOf('=');
    if (at <= 0 || !pair.slice(at + 1).trim())
      throw new ImportError(`--columns: "${pair}" is not FIELD=Header (e.g. title=Session,start=From)`);
    mapping[pair.slice(0, at).trim().toLowerCase()] = pair.slice(at + 1).trim();
  }
  return mapping;
}

/** The explicit mapping against the file's header; every field and header must exist. */
export function columnsFromMapping(mapping: Record<string, string>, header: string[]): ColumnMap {
  const map: ColumnMap = { ...columnsFromHeaders(header) };
  const keys = header.map(headerKey);
  for (const [field, name] of Object.entries(mapping)) {
    const canonical = field === 'organizer' ? 'organiser' : field;
    if (!(FIELDS as readonly string[]).includes(canonical))
      throw new ImportError(`--columns: unknown field "${field}" (expected ${FIELDS.join(', ')})`);
    const index = keys.indexOf(headerKey(name));
    if (index < 0)
      throw new ImportError(`--columns: the file has no column "${name}" (its columns: ${header.join(', ')})`);
    map[canonical as Field] = index;
  }
  return map;
}
