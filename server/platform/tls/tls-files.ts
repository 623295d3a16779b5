/**
 * Reading and checking --tls-cert / --tls-key at boot, so a wrong file is one line at start and
 * not a handshake error on every screen later.
 */
import { X509Certificate, createHash, createPrivateKey, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';

export interface TlsCredentials {
  certFile: string;
  keyFile: string;
  cert: Buffer;
  key: Buffer;
}

/** A problem with the files, in one line naming the option and the file. */
export class TlsFileError extends Error {}

function read(option: string, file: string): Buffer {
  try {
    return readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : code;
    throw new TlsFileError(`${option}: cannot read ${file} (${reason})`);
  }
}

/** Base64 SHA-256 of the key's SubjectPublicKeyInfo: what Chromium's --ignore-certificate-errors-spki-list takes. */
export function spkiHash(publicKey: KeyObject): string {
  return createHash('sha256')
    .update(publicKey.export({ type: 'spki', format: 'der' }))
    .digest('base64');
}

export function loadTlsCredentials(certFile: string, keyFile: string, now = new Date()): TlsCredentials {
  const cert = read('--tls-cert', certFile);
  const key = read('--tls-key', keyFile);
  let certificate: X509Certificate;
  try {
    certificate = new X509Certificate(cert);
  } catch {
    throw new TlsFileError(`--tls-cert: ${certFile} is not a PEM certificate`);
  }
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey(key);
  } catch {
    throw new TlsFileError(`--tls-key: ${keyFile} is not an unencrypted PEM private key`);
  }
  if (!certificate.checkPrivateKey(privateKey)) {
    throw new TlsFileError(`--tls-key: ${keyFile} is not the key of the certificate in ${certFile}`);
  }
  const expires = new Date(certificate.validTo);
  if (expires < now) {
    throw new TlsFileError(
      `--tls-cert: the certificate in ${certFile} expired on ${expires.toISOString().slice(0, 10)} (npm run venue-cert makes a new one)`,
    );
  }
  return { certFile, keyFile, cert, key };
}
