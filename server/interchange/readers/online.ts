/**
 * The online-meeting column of a side event: "Meeting ID: 813 5443 5881 Passcode: 709166",
 * sometimes with a join link.
 */
import type { OnlineDetails } from '../../../shared/model.ts';

const MEETING_ID = /meeting\s*id\s*:?\s*(\d[\d ]*\d)/i;
const PASSCODE = /pass(?:code|word)\s*:?\s*(\S+)/i;
const URL = /https?:\/\/[^\s<>"]+/i;

/** The details found in a cell, or null when the cell holds none of them. */
export function parseOnlineDetails(cell: string): OnlineDetails | null {
  const meetingId = MEETING_ID.exec(cell)?.[1]?.replace(/\s+/g, ' ');
  const passcode = PASSCODE.exec(cell)?.[1];
  const url = URL.exec(cell)?.[0];
  if (!meetingId && !passcode && !url) return null;
  return {
    ...(meetingId ? { meetingId } : {}),
    ...(passcode ? { passcode } : {}),
    ...(url ? { url } : {}),
  };
}
