// `tide keyscan`: what host keys does a server present? One handshake per key
// type, each offering only that type, aborted in hostVerifier once the key is
// seen: no authentication, nothing runs. The caller checks the fingerprints
// out of band before pinning (tide never trusts on first use).

import { Client, type ServerHostKeyAlgorithm } from 'ssh2';
import { TideError } from '../errors.js';
import { blobFingerprint, keyLine, parseHostKeys } from './hostkey.js';

/** Handshakes keyscan makes: the key types ssh-keyscan asks for by default. */
const SCANS: ServerHostKeyAlgorithm[][] = [
  ['ssh-ed25519'],
  ['ecdsa-sha2-nistp256', 'ecdsa-sha2-nistp384', 'ecdsa-sha2-nistp521'],
  ['rsa-sha2-512', 'rsa-sha2-256', 'ssh-rsa'],
];

export interface KeyscanOptions {
  /** Limit for each handshake. */
  timeoutMs?: number;
}

/** Key lines ("ssh-ed25519 AAAA...") the server at host:port presents. */
export async function keyscan(host: string, port = 22, options: KeyscanOptions = {}): Promise<string[]> {
  const results = await Promise.all(SCANS.map((algorithms) => presentedKey(host, port, algorithms, options.timeoutMs ?? 10_000)));
  const keys = results.filter((r): r is Buffer => Buffer.isBuffer(r));
  if (keys.length > 0) return keys.map(keyLine);
  const failure = results.find((r): r is Error => r instanceof Error);
  if (failure) {
    throw new TideError('SSH_CONNECT_FAILED', `keyscan ${host}:${port}: ${failure.message}`, {
      retryable: true,
      cause: failure,
      hint: 'Check that sshd listens on that address and port.',
    });
  }
  throw new TideError('KEYSCAN_EMPTY', `keyscan ${host}:${port}: the server offered no ed25519, ecdsa or rsa host key.`);
}

/** OpenSSH's fingerprint of a key line: "SHA256:..." as ssh-keygen -l prints it. */
export function fingerprint(line: string): string {
  let keys;
  try {
    keys = parseHostKeys(line);
  } catch (error) {
    throw new TideError('HOST_KEY_INVALID', `not a public key line: ${(error as Error).message}`);
  }
  const key = keys[0];
  if (!key) throw new TideError('HOST_KEY_INVALID', 'not a public key line: it is empty');
  return blobFingerprint(key.blob);
}

/** The key the server presents for these algorithms; null if it has none of them. */
function presentedKey(host: string, port: number, algorithms: ServerHostKeyAlgorithm[], timeoutMs: number): Promise<Buffer | null | Error> {
  return new Promise((resolve) => {
    const client = new Client();
    let presented: Buffer | undefined;
    const finish = (value: Buffer | null | Error) => {
      resolve(value);
      client.end();
    };
    client.on('error', (error: Error) => {
      if (presented) finish(presented);
      else if (/no matching host key/.test(error.message)) finish(null);
      else finish(error);
    });
    client.on('ready', () => finish(presented ?? null)); // not reached: the verifier refuses
    client.on('close', () => finish(presented ?? new Error('the connection closed during the handshake')));
    try {
      client.connect({
        host,
        port,
        username: 'tide-keyscan',
        readyTimeout: timeoutMs,
        algorithms: { serverHostKey: algorithms },
        hostVerifier: (key: Buffer) => {
          presented = Buffer.from(key);
          return false; // seen: stop here, before any authentication
        },
      });
    } catch (error) {
      finish(error as Error);
    }
  });
}
