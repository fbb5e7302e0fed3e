// Host key pins as written in a Server's hostKey: OpenSSH public key lines
// ("ssh-ed25519 AAAA... comment"), one per line, optionally with the host
// field ssh-keyscan prints first.

import { createHash } from 'node:crypto';

export interface PinnedKey {
  /** Key type as the blob names it: ssh-ed25519, ecdsa-sha2-nistp256, ssh-rsa. */
  type: string;
  /** The key blob (the base64 field, decoded): what the server presents. */
  blob: Buffer;
}

/** Host key algorithms a server may use to present a key of each type. */
const ALGORITHMS: Record<string, string[]> = {
  'ssh-ed25519': ['ssh-ed25519'],
  'ecdsa-sha2-nistp256': ['ecdsa-sha2-nistp256'],
  'ecdsa-sha2-nistp384': ['ecdsa-sha2-nistp384'],
  'ecdsa-sha2-nistp521': ['ecdsa-sha2-nistp521'],
  'ssh-rsa': ['rsa-sha2-512', 'rsa-sha2-256', 'ssh-rsa'],
};

export const KEY_TYPES = Object.keys(ALGORITHMS);

/** The type name a key blob starts with (an SSH string), or null. */
export function blobType(blob: Buffer): string | null {
  if (blob.length < 4) return null;
  const n = blob.readUInt32BE(0);
  return n > 0 && n < 64 && 4 + n <= blob.length ? blob.subarray(4, 4 + n).toString('latin1') : null;
}

/**
 * Parses the pins; throws an Error saying what is wrong (the caller wraps it
 * in one that names the server). Returns [] for empty text.
 */
export function parseHostKeys(text: string): PinnedKey[] {
  const keys: PinnedKey[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const tokens = line.split(/\s+/);
    const at = tokens.findIndex((t) => t in ALGORITHMS || /^(ssh|ecdsa|sk)-/.test(t));
    const type = at >= 0 ? tokens[at] : undefined;
    const b64 = at >= 0 ? tokens[at + 1] : undefined;
    if (type === undefined || b64 === undefined || !/^[A-Za-z0-9+/]+={0,2}$/.test(b64)) {
      throw new Error(`"${line.slice(0, 40)}" is not a "TYPE BASE64" public key line`);
    }
    if (!(type in ALGORITHMS)) throw new Error(`key type ${type} is not supported (use ${KEY_TYPES.join(', ')})`);
    const blob = Buffer.from(b64, 'base64');
    if (blobType(blob) !== type) throw new Error(`the ${type} key's base64 does not hold a ${type} key`);
    keys.push({ type, blob });
  }
  return keys;
}

/** serverHostKey algorithms that make the server present one of these keys. */
export function hostKeyAlgorithms(keys: PinnedKey[]): string[] {
  return [...new Set(keys.flatMap((k) => ALGORITHMS[k.type] ?? []))];
}

/** OpenSSH's fingerprint of a key blob: SHA256:base64, unpadded. */
export function blobFingerprint(blob: Buffer): string {
  return `SHA256:${createHash('sha256').update(blob).digest('base64').replace(/=+$/, '')}`;
}

/** The public key line for a blob, as tide pins it. */
export function keyLine(blob: Buffer): string {
  return `${blobType(blob) ?? 'unknown'} ${blob.toString('base64')}`;
}
