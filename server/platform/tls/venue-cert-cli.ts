/**
 * `npm run venue-cert -- --host NAME [--host NAME2] [--ip IP ...] [--out DIR]`: writes DIR/ca.pem
 * (install it on the screens), DIR/ca-key.pem (keep it safe: it signs the next server certificate),
 * DIR/server.pem and DIR/server-key.pem (for `npm start -- --tls-cert … --tls-key …`).
 * Run again with the same DIR to reissue the server certificate under the same authority, so
 * screens that already trust it need nothing new. Problems: one line, exit code 2, nothing written.
 */
import { X509Certificate, createPrivateKey, createPublicKey } from 'node:crypto';
import { accessSync, constants, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createVenueAuthority, hostNameProblem, issueServerCertificate, type VenueAuthority } from './venue-cert.ts';
import { spkiHash } from './tls-files.ts';
import { isEntryPoint } from '../entry-point.ts';

/** Bad input: its message is the one line printed, with exit code 2. */
class UsageError extends Error {}

function fail(message: string): never {
  throw new UsageError(message);
}

function options(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        host: { type: 'string', multiple: true },
        ip: { type: 'string', multiple: true },
        out: { type: 'string' },
      },
    }).values;
  } catch (error) {
    fail((error as Error).message.split('\n').join(' '));
  }
}

/** The authority already in DIR, or undefined when DIR has none; a half or mismatched pair fails. */
function existingAuthority(out: string): VenueAuthority | undefined {
  const certFile = join(out, 'ca.pem');
  const keyFile = join(out, 'ca-key.pem');
  if (!existsSync(certFile) && !existsSync(keyFile)) return undefined;
  if (!existsSync(keyFile)) fail(`${certFile} exists but ${keyFile} does not: restore it, or use another --out`);
  if (!existsSync(certFile)) fail(`${keyFile} exists but ${certFile} does not: restore it, or use another --out`);
  const authority = { certPem: readFileSync(certFile, 'utf8'), keyPem: readFileSync(keyFile, 'utf8') };
  let matches: boolean;
  try {
    matches = new X509Certificate(authority.certPem).checkPrivateKey(createPrivateKey(authority.keyPem));
  } catch {
    fail(`${certFile} and ${keyFile} are not a PEM certificate and key`);
  }
  if (!matches) fail(`${keyFile} is not the key of ${certFile}`);
  return authority;
}

function writeCertificates(argv: string[]): void {
  const values = options(argv);
  const hosts = (values.host ?? []).map((host) => host.trim().toLowerCase());
  const ips = (values.ip ?? []).map((ip) => ip.trim());
  if (hosts.length === 0) fail('--host NAME is required (the name screens use, e.g. signage.venue.lan)');
  for (const host of hosts) {
    const problem = hostNameProblem(host);
    if (problem) fail(`--host ${problem} (got "${host}")`);
  }
  for (const ip of ips) if (!isIP(ip)) fail(`--ip must be an IPv4 or IPv6 address (got "${ip}")`);

  const out = resolve(values.out ?? 'venue-cert');
  if (existsSync(out) && !statSync(out).isDirectory()) fail(`--out ${out} is a file, not a folder`);
  try {
    mkdirSync(out, { recursive: true, mode: 0o700 });
    accessSync(out, constants.W_OK);
  } catch {
    fail(`--out: cannot write to ${out}`);
  }

  const reused = existingAuthority(out);
  const authority = reused ?? createVenueAuthority(hosts[0]!);
  const server = issueServerCertificate(authority, { hosts, ips });
  // Keys readable by their owner only; certificates are public.
  if (!reused) {
    writeFileSync(join(out, 'ca-key.pem'), authority.keyPem, { mode: 0o600 });
    writeFileSync(join(out, 'ca.pem'), authority.certPem, { mode: 0o644 });
  }
  writeFileSync(join(out, 'server-key.pem'), server.keyPem, { mode: 0o600 });
  writeFileSync(join(out, 'server.pem'), server.certPem, { mode: 0o644 });

  const ca = new X509Certificate(authority.certPem);
  const issued = new X509Certificate(server.certPem);
  process.stdout.write(
    [
      reused
        ? `Reused the venue CA in ${out}/ca.pem`
        : `New venue CA: ${out}/ca.pem (key: ${out}/ca-key.pem, keep it safe)`,
      `  SHA-256 fingerprint ${ca.fingerprint256} (compare it when you install it on a screen)`,
      `Server certificate: ${out}/server.pem, key ${out}/server-key.pem`,
      `  for ${issued.subjectAltName}, valid until ${new Date(issued.validTo).toISOString().slice(0, 10)}`,
      `  public key hash ${spkiHash(createPublicKey(server.keyPem))}`,
      `Start the server with: npm start -- --tls-cert ${out}/server.pem --tls-key ${out}/server-key.pem`,
      '',
    ].join('\n'),
  );
}

/** The command with these arguments: writes the files and prints what it did, or one line on stderr. */
export function runVenueCertCli(argv: string[]): number {
  try {
    writeCertificates(argv);
    return 0;
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`venue-cert: ${error.message}\n`);
    return 2;
  }
}

if (isEntryPoint(import.meta.url)) process.exitCode = runVenueCertCli(process.argv.slice(2));
