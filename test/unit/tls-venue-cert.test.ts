/**
 * The venue CA and server certificate (server/platform/tls/venue-cert.ts), read back with node:crypto
 * as a TLS client would; and the boot-time checks of --tls-cert / --tls-key in parseConfig.
 */
import { X509Certificate, createPrivateKey } from 'node:crypto';
import { chmodSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../server/platform/config.ts';
import {
  SERVER_CERT_DAYS,
  createVenueAuthority,
  hostNameProblem,
  issueServerCertificate,
} from '../../server/platform/tls/venue-cert.ts';
import { writeVenueCert } from '../support/venue-cert-files.ts';

const files = writeVenueCert(['signage.venue.test'], ['10.0.0.5']);
const other = writeVenueCert(['other.venue.test']);
afterAll(() => {
  for (const dir of [files.dir, other.dir]) rmSync(dir, { recursive: true, force: true });
});

describe('venue certificates', () => {
  const now = new Date('2026-12-01T12:00:00Z');
  const authority = createVenueAuthority('Test venue', now);
  const issued = issueServerCertificate(authority, { hosts: ['signage.venue.lan', 'signage'], ips: ['10.0.0.5'] }, now);
  const ca = new X509Certificate(authority.certPem);
  const server = new X509Certificate(issued.certPem);

  it('the authority is a CA that signed itself', () => {
    expect(ca.ca).toBe(true);
    expect(ca.verify(ca.publicKey)).toBe(true);
    expect(ca.checkPrivateKey(createPrivateKey(authority.keyPem))).toBe(true);
  });

  it('the server certificate is signed by the authority, names every host and address, and is no CA', () => {
    expect(server.ca).toBe(false);
    expect(server.checkIssued(ca)).toBe(true);
    expect(server.verify(ca.publicKey)).toBe(true);
    expect(server.checkPrivateKey(createPrivateKey(issued.keyPem))).toBe(true);
    expect(server.subjectAltName).toBe('DNS:signage.venue.lan, DNS:signage, IP Address:10.0.0.5');
    expect(server.checkHost('signage.venue.lan')).toBe('signage.venue.lan');
    expect(server.checkIP('10.0.0.5')).toBe('10.0.0.5');
    expect(server.checkHost('elsewhere.example')).toBeUndefined();
    expect(server.keyUsage).toEqual(['1.3.6.1.5.5.7.3.1']); // serverAuth
  });

  it('stays within the 398 days browsers accept for a server certificate', () => {
    const days = (Date.parse(server.validTo) - now.getTime()) / 86_400_000;
    expect(days).toBeCloseTo(SERVER_CERT_DAYS, 0);
    expect(days).toBeLessThanOrEqual(398);
    expect(Date.parse(server.validFrom)).toBeLessThanOrEqual(now.getTime());
  });

  it.each([
    ['signage.venue.lan', undefined],
    ['signage', undefined],
    ['10.0.0.5', /is an IP address; give a name with --host and the address with --ip/],
    ['-bad.venue', /must be a host name/],
    ['bad_name.venue', /must be a host name/],
    ['a..b', /must be a host name/],
    [`${'a'.repeat(64)}.venue`, /must be a host name/],
  ])('host name %s', (name, problem) => {
    const found = hostNameProblem(name);
    if (problem === undefined) expect(found).toBeUndefined();
    else expect(found).toMatch(problem);
  });
});

function tlsConfigError(argv: string[]): string {
  try {
    parseConfig(argv, {});
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  throw new Error(`parseConfig accepted ${JSON.stringify(argv)}`);
}

describe('--tls-cert and --tls-key at boot', () => {
  it('reads a matching pair', () => {
    const config = parseConfig(
      ['--port', '8443', '--tls-cert', files.cert, '--tls-key', files.key, '--http-redirect-port', '8080'],
      {},
    );
    expect(config.tls?.certFile).toBe(files.cert);
    expect(config.tls?.cert.toString()).toContain('BEGIN CERTIFICATE');
    expect(config.httpRedirectPort).toBe(8080);
    expect(parseConfig([], {}).tls).toBeUndefined();
  });

  it('a key that is not the certificate’s is refused, naming both files', () => {
    expect(tlsConfigError(['--tls-cert', files.cert, '--tls-key', other.key])).toBe(
      `--tls-key: ${other.key} is not the key of the certificate in ${files.cert}`,
    );
  });

  it('missing, unreadable and non-PEM files are refused with one line', () => {
    const missing = join(files.dir, 'nope.pem');
    expect(tlsConfigError(['--tls-cert', missing, '--tls-key', files.key])).toBe(
      `--tls-cert: cannot read ${missing} (no such file)`,
    );
    const notPem = join(files.dir, 'notes.txt');
    writeFileSync(notPem, 'not a certificate\n');
    expect(tlsConfigError(['--tls-cert', notPem, '--tls-key', files.key])).toBe(
      `--tls-cert: ${notPem} is not a PEM certificate`,
    );
    expect(tlsConfigError(['--tls-cert', files.cert, '--tls-key', files.cert])).toBe(
      `--tls-key: ${files.cert} is not an unencrypted PEM private key`,
    );
    // A directory cannot be read as a file (works as root too, unlike a chmod 000 file).
    expect(tlsConfigError(['--tls-cert', files.cert, '--tls-key', files.dir])).toMatch(
      new RegExp(`^--tls-key: cannot read ${files.dir} \\(`),
    );
  });

  it('one without the other, and a redirect without TLS or onto the same port, are refused', () => {
    expect(tlsConfigError(['--tls-cert', files.cert])).toBe('--tls-cert needs --tls-key (its private key) too');
    expect(tlsConfigError(['--tls-key', files.key])).toBe('--tls-key needs --tls-cert (the certificate) too');
    expect(tlsConfigError(['--http-redirect-port', '80'])).toBe(
      '--http-redirect-port redirects to HTTPS: give --tls-cert and --tls-key too',
    );
    expect(
      tlsConfigError([
        '--port',
        '8443',
        '--tls-cert',
        files.cert,
        '--tls-key',
        files.key,
        '--http-redirect-port',
        '8443',
      ]),
    ).toBe('--http-redirect-port must differ from --port (both 8443)');
    expect(tlsConfigError(['--tls-cert', files.cert, '--tls-key', files.key, '--http-redirect-port', 'x'])).toMatch(
      /^--http-redirect-port must be a whole number/,
    );
  });

  it('an expired certificate is refused with the date', () => {
    const old = new Date(Date.now() - 2 * 365 * 86_400_000);
    const authority = createVenueAuthority('Old venue', old);
    const expired = issueServerCertificate(authority, { hosts: ['old.venue.test'], ips: [] }, old);
    const cert = join(files.dir, 'expired.pem');
    const key = join(files.dir, 'expired-key.pem');
    writeFileSync(cert, expired.certPem);
    writeFileSync(key, expired.keyPem);
    chmodSync(key, 0o600);
    expect(tlsConfigError(['--tls-cert', cert, '--tls-key', key])).toMatch(
      /^--tls-cert: the certificate in .*expired\.pem expired on \d{4}-\d{2}-\d{2} \(npm run venue-cert makes a new one\)$/,
    );
  });
});
