/**
 * The venue's time zone. The UN programme names the city in its title block ("Vienna, 14–18
 * October 2024"); these are the cities that host UN sessions. An explicit option always wins.
 */
import { IANAZone } from 'luxon';

export const DEFAULT_TIMEZONE = 'Europe/Vienna';

const CITY_ZONES: Record<string, string> = {
  vienna: 'Europe/Vienna',
  geneva: 'Europe/Zurich',
  'new york': 'America/New_York',
  nairobi: 'Africa/Nairobi',
  bangkok: 'Asia/Bangkok',
  doha: 'Asia/Qatar',
  'abu dhabi': 'Asia/Dubai',
  kyoto: 'Asia/Tokyo',
  bonn: 'Europe/Berlin',
  rome: 'Europe/Rome',
  paris: 'Europe/Paris',
  'addis ababa': 'Africa/Addis_Ababa',
  santiago: 'America/Santiago',
  beirut: 'Asia/Beirut',
};

export function zoneOfCity(city: string): string | undefined {
  return CITY_ZONES[city.trim().toLowerCase()];
}

export function isKnownZone(zone: string): boolean {
  return IANAZone.isValidZone(zone);
}
