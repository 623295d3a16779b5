/** A venue CA and server certificate written to a temporary folder, for the TLS tests. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createVenueAuthority, issueServerCertificate } from '../../server/platform/tls/venue-cert.ts';

export interface VenueCertFiles {
  dir: string;
  ca: string;
  cert: string;
  key: string;
}

export function writeVenueCert(hosts: string[], ips: string[] = []): VenueCertFiles {
  const dir = mkdtempSync(join(tmpdir(), 'signage-tls-'));
  const authority = createVenueAuthority('Test venue');
  const server = issueServerCertificate(authority, { hosts, ips });
  const files = { dir, ca: join(dir, 'ca.pem'), cert: join(dir, 'server.pem'), key: join(dir, 'server-key.pem') };
  writeFileSync(files.ca, authority.certPem);
  writeFileSync(files.cert, server.certPem);
  writeFileSync(files.key, server.keyPem, { mode: 0o600 });
  return files;
}
