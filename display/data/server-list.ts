/**
 * A venue without a load balancer lists its server nodes in the screen's URL
 * (`/display/room/CR3?servers=https://a:8443,https://b:8443`); the screen connects to one and,
 * whenever its connection is lost or refused, tries the next one in turn. Each node serves the same
 * schedule at the same revisions, so the screen catches up by revision on whichever it reaches.
 */
import { Manager, type ManagerOptions } from 'socket.io-client';
import { DISPLAY_NAMESPACE, type DisplayHandshake } from '../../shared/protocol.ts';
import { RECONNECTION } from './reconnection.ts';
import type { DisplaySocket } from './schedule-client.ts';

interface ServerAddress {
  hostname: string;
  port: string;
  secure: boolean;
}

/** The http(s) origins of `?servers=`, in order, without repeats; none when absent or all unusable. */
export function parseServerList(search: string): ServerAddress[] {
  const listed = new URLSearchParams(search).get('servers') ?? '';
  const seen = new Set<string>();
  const servers: ServerAddress[] = [];
  for (const text of listed.split(',')) {
    let url: URL;
    try {
      url = new URL(text.trim());
    } catch {
      continue;
    }
    if ((url.protocol !== 'http:' && url.protocol !== 'https:') || seen.has(url.origin)) continue;
    seen.add(url.origin);
    servers.push(addressOf(url));
  }
  return servers;
}

function addressOf(url: URL): ServerAddress {
  const secure = url.protocol === 'https:';
  return { hostname: url.hostname, port: url.port || (secure ? '443' : '80'), secure };
}

/**
 * A connect function for ScheduleClient that moves to the next server at every reconnection
 * attempt. WebSocket only: long-polling another origin would need CORS, which the servers refuse.
 * One socket for the screen's whole life: the Manager's options are what each new engine reads.
 */
export function connectToServers(servers: ServerAddress[], origin: string): (auth: () => DisplayHandshake) => DisplaySocket {
  return (auth) => {
    const page = addressOf(new URL(origin));
    // Start with the node that served the page, when it is one of them: it just answered.
    const here = servers.findIndex((server) => server.hostname === page.hostname && server.port === page.port);
    let index = Math.max(0, here);
    const options: Partial<ManagerOptions> = { ...servers[index]!, transports: ['websocket'], ...RECONNECTION };
    const manager = new Manager(options);
    manager.on('reconnect_attempt', () => {
      index = (index + 1) % servers.length;
      Object.assign(options, servers[index]);
    });
    return manager.socket(DISPLAY_NAMESPACE, { auth: (cb) => cb(auth()) }) as DisplaySocket;
  };
}
