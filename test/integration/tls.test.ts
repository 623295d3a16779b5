/**
 * TLS as a venue runs it: `npm run venue-cert` makes a CA and a server certificate that OpenSSL and
 * node's TLS client accept for the name and address; `npm start -- --tls-cert … --tls-key …` answers
 * over HTTPS (staff cookie with the __Host- prefix) and redirects plain HTTP; bad input is one line, exit 2.
 */
import { execFile } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runScript, startServerProcess, stopProcess } from '../support/server-process.ts';
import type { ChildProcess } from 'node:child_process';
import { writeVenueCert } from '../support/venue-cert-files.ts';
import { runInProcess } from '../support/cli.ts';
import { runVenueCertCli } from '../../server/platform/tls/venue-cert-cli.ts';

const CLI = 'server/platform/tls/venue-cert-cli.ts';
/** The command's run function in this process: the real program keeps two smoke tests (a first run, a refusal). */
const venueCert = (args: string[]) => runInProcess(() => runVenueCertCli(args));
const HOST = 'signage.venue.test';
const scratch = mkdtempSync(join(tmpdir(), 'signage-tls-it-'));
const out = join(scratch, 'certs');
const dirs = [scratch];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

async function opensslVerify(ca: string, cert: string): Promise<string> {
  if (!existsSync('/usr/bin/openssl')) throw new Error('/usr/bin/openssl is missing: apt-get install openssl');
  const { stdout } = await promisify(execFile)('/usr/bin/openssl', ['verify', '-CAfile', ca, cert]);
  return stdout.trim();
}

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** An HTTPS request that trusts only the venue CA and checks the certificate against `servername`. */
function httpsCall(
  port: number,
  path: string,
  options: { servername?: string; method?: string; body?: string } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpsRequest(
      {
        host: '127.0.0.1',
        port,
        path,
        method: options.method ?? 'GET',
        ca: readFileSync(join(out, 'ca.pem')),
        ...(options.servername ? { servername: options.servername } : {}),
        headers: {
          host: `${options.servername ?? '127.0.0.1'}:${port}`,
          ...(options.body ? { 'content-type': 'application/json' } : {}),
        },
      },
      (res) => {
        let body = '';
        res.on('data', (chunk) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

function httpCall(port: number, path: string, host: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, headers: { host } }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: '' }));
    });
    req.on('error', reject);
    req.end();
  });
}

// Real processes: a budget that holds on a busy machine.
describe('npm run venue-cert', { timeout: 120_000 }, () => {
  it('writes a CA and a server certificate for the name and the address (the real program)', async () => {
    const { code, stdout, stderr } = await runScript(CLI, ['--host', HOST, '--ip', '127.0.0.1', '--out', out]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain(`npm start -- --tls-cert ${out}/server.pem --tls-key ${out}/server-key.pem`);
    expect(await opensslVerify(join(out, 'ca.pem'), join(out, 'server.pem'))).toBe(`${join(out, 'server.pem')}: OK`);
    const server = new X509Certificate(readFileSync(join(out, 'server.pem')));
    expect(server.subjectAltName).toBe(`DNS:${HOST}, IP Address:127.0.0.1`);
    for (const key of ['ca-key.pem', 'server-key.pem'])
      expect([key, statSync(join(out, key)).mode & 0o777]).toEqual([key, 0o600]);
  });

  it('run again, it reissues the server certificate under the same CA (screens keep trusting it)', async () => {
    const ca = readFileSync(join(out, 'ca.pem'), 'utf8');
    const again = join(scratch, 'again');
    expect((await venueCert(['--host', HOST, '--out', again])).code).toBe(0);
    const before = readFileSync(join(again, 'server.pem'), 'utf8');
    const againCa = readFileSync(join(again, 'ca.pem'), 'utf8');
    const { code, stdout } = await venueCert(['--host', HOST, '--host', 'signage', '--out', again]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Reused the venue CA/);
    expect(readFileSync(join(again, 'ca.pem'), 'utf8')).toBe(againCa);
    expect(readFileSync(join(again, 'server.pem'), 'utf8')).not.toBe(before);
    expect(await opensslVerify(join(again, 'ca.pem'), join(again, 'server.pem'))).toMatch(/: OK$/);
    expect(againCa).not.toBe(ca);
  });

  it.each([
    [[], /^venue-cert: --host NAME is required/],
    [['--host', 'bad_name'], /^venue-cert: --host must be a host name .*\(got "bad_name"\)$/],
    [['--host', HOST, '--ip', '10.0.0.300'], /^venue-cert: --ip must be an IPv4 or IPv6 address \(got "10.0.0.300"\)$/],
  ])('bad input %j → exit 2, one line, nothing written', async (args, message) => {
    const target = join(scratch, `bad-${args.length}`);
    const { code, stdout, stderr } = await venueCert([...args, '--out', target]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr.trim()).toMatch(message);
    expect(existsSync(target)).toBe(false);
  });

  it('an --out that is a file → exit 2, one line (the real program)', async () => {
    const file = join(scratch, 'a-file');
    writeFileSync(file, '');
    const { code, stderr } = await runScript(CLI, ['--host', HOST, '--out', file]);
    expect(code).toBe(2);
    expect(stderr).toBe(`venue-cert: --out ${file} is a file, not a folder\n`);
  });
});

describe('npm start with --tls-cert and --tls-key', { timeout: 120_000 }, () => {
  let child: ChildProcess;
  let output: string;
  let port: number;
  let redirectPort: number;

  beforeAll(async () => {
    if (!existsSync(join(out, 'server.pem'))) {
      await runScript(CLI, ['--host', HOST, '--ip', '127.0.0.1', '--out', out]);
    }
    ({ child, output } = await startServerProcess(
      [
        ...['--port', '0', '--host', '127.0.0.1', '--data-dir', join(scratch, 'data')],
        ...['--clock', '2024-10-14T13:20', '--speed', '0', '--http-redirect-port', '0'],
        ...['--tls-cert', join(out, 'server.pem'), '--tls-key', join(out, 'server-key.pem')],
      ],
      { env: { SIGNAGE_STAFF_PASSWORD: 'from-the-environment' }, until: /redirects to HTTPS on port \d+/ },
    ));
    port = Number(/https:\/\/127\.0\.0\.1:(\d+)\/control/.exec(output)![1]);
    redirectPort = Number(/Plain HTTP on port (\d+) redirects/.exec(output)![1]);
  });
  afterAll(async () => {
    if (child) expect(await stopProcess(child)).toBe(0);
  });

  it('prints https URLs and answers over HTTPS, for the venue name and the address', async () => {
    expect(output).toContain(`https://127.0.0.1:${port}/display/room/CR3`);
    const byName = await httpsCall(port, '/api/clock', { servername: HOST });
    expect(byName.status).toBe(200);
    expect(JSON.parse(byName.body)).toMatchObject({ now: '2024-10-14T13:20:00+02:00' });
    expect((await httpsCall(port, '/display/room/CR3')).status).toBe(200);
  });

  it('a client that trusts only the venue CA refuses a name the certificate does not carry', async () => {
    await expect(httpsCall(port, '/api/clock', { servername: 'elsewhere.example' })).rejects.toThrow(
      /does not match|altnames/i,
    );
  });

  it('staff sign-in over HTTPS sets the __Host- session cookie, Secure', async () => {
    const login = await httpsCall(port, '/api/login', {
      servername: HOST,
      method: 'POST',
      body: JSON.stringify({ password: 'from-the-environment' }),
    });
    expect(login.status).toBe(204);
    const cookie = (login.headers['set-cookie'] ?? []).find((c) => c.includes('signage_session='));
    expect(cookie).toMatch(/^__Host-signage_session=/);
    expect(cookie).toMatch(/; Secure/);
    expect(cookie).toMatch(/; Path=\//);
  });

  it('plain HTTP on the redirect port is sent to the same path over HTTPS', async () => {
    const answer = await httpCall(redirectPort, '/display/lobby?x=1', `${HOST}:${redirectPort}`);
    expect(answer.status).toBe(308);
    expect(answer.headers.location).toBe(`https://${HOST}:${port}/display/lobby?x=1`);
    expect((await httpCall(redirectPort, '/', 'evil.example/path')).status).toBe(400);
  });
});

describe('bad TLS files at boot', { timeout: 120_000 }, () => {
  it('a key that is not the certificate’s → exit 2 with one line', async () => {
    // Another venue's key, made in-process: the CLI that writes such files is tested above.
    const other = writeVenueCert(['other.venue.test']);
    dirs.push(other.dir);
    const { code, stdout, stderr } = await runScript('server/main.ts', [
      ...['--port', '0', '--data-dir', join(scratch, 'never')],
      ...['--tls-cert', join(out, 'server.pem'), '--tls-key', other.key],
    ]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      `signage: --tls-key: ${other.key} is not the key of the certificate in ${join(out, 'server.pem')}\n`,
    );
    expect(existsSync(join(scratch, 'never'))).toBe(false);
  });
});
