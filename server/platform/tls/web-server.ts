/**
 * The server's listening socket: plain HTTP, or HTTPS with the venue certificate (service workers,
 * and so a screen's cold start without its server, need a secure context on the venue network).
 * With --http-redirect-port, a second plain-HTTP listener sends every request to the HTTPS port.
 */
import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { TlsCredentials } from './tls-files.ts';

export function createWebServer(tls: TlsCredentials | undefined): HttpServer {
  return tls ? createHttpsServer({ cert: tls.cert, key: tls.key }) : createHttpServer();
}

/** Where a plain-HTTP request for `hostHeader` + `path` belongs on the HTTPS port; undefined for a bad Host. */
export function httpsLocation(hostHeader: string | undefined, path: string, httpsPort: number): string | undefined {
  if (!hostHeader) return undefined;
  try {
    // Parsing through URL refuses Host headers that would inject into the Location.
    const target = new URL(`https://${hostHeader}`);
    if (target.username || target.password || target.pathname !== '/' || target.search) return undefined;
    target.port = httpsPort === 443 ? '' : String(httpsPort);
    return `${target.origin}${path.startsWith('/') ? path : '/'}`;
  } catch {
    return undefined;
  }
}

/** Answers every plain-HTTP request with 308 to the same path over HTTPS (308 keeps the method). */
export function createHttpRedirectServer(httpsPort: () => number): HttpServer {
  return createHttpServer((req, res) => {
    const location = httpsLocation(req.headers.host, req.url ?? '/', httpsPort());
    if (!location) {
      res.writeHead(400, { 'content-type': 'text/plain' }).end('Bad Host header\n');
      return;
    }
    res.writeHead(308, { location, 'content-type': 'text/plain' }).end(`Moved to ${location}\n`);
  });
}
