/**
 * A small certificate authority for one venue and the server certificate it signs. Screens trust
 * the authority once (README, "TLS on the venue network"); the server certificate can then be
 * reissued (new name, new address, expiry) without touching any screen.
 *
 * node-forge builds and signs the certificates (node:crypto can read X.509 but not write it);
 * node:crypto makes the RSA keys, natively and fast.
 */
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { isIP } from 'node:net';
import forge from 'node-forge';

/** Chromium and Apple refuse server certificates valid for longer than 398 days. */
export const SERVER_CERT_DAYS = 397;
export const CA_CERT_DAYS = 10 * 365;
const DAY_MS = 86_400_000;

export interface VenueAuthority {
  certPem: string;
  keyPem: string;
}

export interface ServerCertificate {
  certPem: string;
  keyPem: string;
}

/** A DNS name a certificate can carry: letters, digits and hyphens in dot-separated labels. */
export function hostNameProblem(name: string): string | undefined {
  if (isIP(name)) return `is an IP address; give a name with --host and the address with --ip`;
  const label = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/i;
  if (name.length > 253 || !name.split('.').every((part) => label.test(part))) {
    return 'must be a host name such as signage.venue.lan (letters, digits, hyphens and dots)';
  }
  return undefined;
}

function rsaKeys(): { publicPem: string; privatePem: string } {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
  });
  return { publicPem: publicKey, privatePem: privateKey };
}

/** A positive random serial (the leading 0x01 keeps the DER integer positive). */
function serialNumber(): string {
  return `01${randomBytes(15).toString('hex')}`;
}

function validity(cert: forge.pki.Certificate, now: Date, days: number): void {
  // A minute back: a screen whose clock is a little behind must not see a "not yet valid" cert.
  cert.validity.notBefore = new Date(now.getTime() - 60_000);
  cert.validity.notAfter = new Date(now.getTime() + days * DAY_MS);
}

export function createVenueAuthority(venueName: string, now = new Date()): VenueAuthority {
  const keys = rsaKeys();
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(keys.publicPem);
  cert.serialNumber = serialNumber();
  validity(cert, now, CA_CERT_DAYS);
  const subject = [
    { name: 'commonName', value: `${venueName} signage CA` },
    { name: 'organizationName', value: 'Venue signage' },
  ];
  cert.setSubject(subject);
  cert.setIssuer(subject);
  cert.setExtensions([
    // pathLen 0: this authority signs server certificates, never another authority.
    { name: 'basicConstraints', cA: true, pathLenConstraint: 0, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  cert.sign(forge.pki.privateKeyFromPem(keys.privatePem), forge.md.sha256.create());
  return { certPem: forge.pki.certificateToPem(cert), keyPem: keys.privatePem };
}

/** The server certificate for `hosts` (first = common name) and `ips`, signed by the authority. */
export function issueServerCertificate(
  authority: VenueAuthority,
  names: { hosts: string[]; ips: string[] },
  now = new Date(),
): ServerCertificate {
  const caCert = forge.pki.certificateFromPem(authority.certPem);
  const caKey = forge.pki.privateKeyFromPem(authority.keyPem);
  const keys = rsaKeys();
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(keys.publicPem);
  cert.serialNumber = serialNumber();
  validity(cert, now, SERVER_CERT_DAYS);
  cert.setSubject([{ name: 'commonName', value: names.hosts[0] ?? names.ips[0] ?? 'signage' }]);
  cert.setIssuer(caCert.subject.attributes);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false, critical: true },
    { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
    { name: 'extKeyUsage', serverAuth: true },
    {
      name: 'subjectAltName',
      // 2 = dNSName, 7 = iPAddress (RFC 5280): browsers match only these, never the common name.
      altNames: [...names.hosts.map((value) => ({ type: 2, value })), ...names.ips.map((ip) => ({ type: 7, ip }))],
    },
    { name: 'subjectKeyIdentifier' },
    { name: 'authorityKeyIdentifier', keyIdentifier: caCert.generateSubjectKeyIdentifier().getBytes() },
  ]);
  cert.sign(caKey, forge.md.sha256.create());
  return { certPem: forge.pki.certificateToPem(cert), keyPem: keys.privatePem };
}
