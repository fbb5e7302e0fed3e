// The pieces of the ssh transport that need no server: host key pins and the
// shell text it sends (run here with the local sh, as the server would).

import { randomBytes } from 'node:crypto';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { blobFingerprint, hostKeyAlgorithms, parseHostKeys } from '../../src/transport/hostkey.js';
import { fingerprint } from '../../src/transport/keyscan.js';
import { invocation, SCRIPT_TRUNCATED } from '../../src/transport/remote-shell.js';

// A real ed25519 public key blob (type string + 32 bytes).
const ED = Buffer.concat([Buffer.from([0, 0, 0, 11]), Buffer.from('ssh-ed25519'), Buffer.from([0, 0, 0, 32]), randomBytes(32)]);
const LINE = `ssh-ed25519 ${ED.toString('base64')}`;

describe('host key pins', () => {
  it('parses key lines with comments, host fields and blank lines', () => {
    const keys = parseHostKeys(`# pinned 2024\n\n[web1]:2222 ${LINE} root@web1\n${LINE}`);
    expect(keys).toHaveLength(2);
    expect(keys[0]?.type).toBe('ssh-ed25519');
    expect(keys[0]?.blob.equals(ED)).toBe(true);
    expect(hostKeyAlgorithms(keys)).toEqual(['ssh-ed25519']);
    expect(hostKeyAlgorithms(parseHostKeys(LINE.replace('ssh-ed25519', 'ssh-rsa').replace(/ .*/, ' AAAAB3NzaC1yc2EAAAADAQAB')))).toEqual([
      'rsa-sha2-512',
      'rsa-sha2-256',
      'ssh-rsa',
    ]);
  });

  it('rejects a line whose blob is not of its type, or an unknown type', () => {
    expect(() => parseHostKeys(`ssh-rsa ${ED.toString('base64')}`)).toThrow(/does not hold a ssh-rsa key/);
    expect(() => parseHostKeys('ssh-foo AAAA')).toThrow(/not supported/);
    expect(() => parseHostKeys('just words')).toThrow(/not a "TYPE BASE64"/);
  });

  it('fingerprints like OpenSSH: SHA256, base64 without padding', async () => {
    expect(fingerprint(LINE)).toBe(blobFingerprint(ED));
    const r = await execa('ssh-keygen', ['-lf', '-'], { input: `${LINE}\n` });
    expect(r.stdout.split(' ')[1]).toBe(fingerprint(LINE));
  });
});

describe('the env/cwd script sent on stdin', () => {
  const run = (inv: ReturnType<typeof invocation>, stdin: Buffer = Buffer.alloc(0)) =>
    execa('sh', ['-c', inv.command], { input: Buffer.concat([Buffer.from(inv.preamble ?? ''), stdin]), encoding: 'buffer', reject: false, stripFinalNewline: false });

  it('keeps values off the command line, and the command reads the rest of stdin', async () => {
    const value = `a'b"c\n$HOME \`x\` \\ \r\n end`;
    const inv = invocation('printf "%s|" "$V" "$(pwd)"; od -An -tx1', '/tmp', { V: value });
    expect(inv.command).not.toContain('a\'b');
    const r = await run(inv, Buffer.from([0, 10, 255]));
    expect(Buffer.from(r.stdout).toString()).toBe(`${value}|/tmp| 00 0a ff\n`);
  });

  it('runs nothing when the script arrives cut short', async () => {
    const inv = invocation('echo ran', undefined, { A: 'b' });
    const r = await execa('sh', ['-c', inv.command], { input: (inv.preamble ?? '').slice(0, -10), reject: false });
    expect(r.exitCode).toBe(SCRIPT_TRUNCATED);
    expect(r.stdout).toBe('');
  });

  it('refuses an env name that is not a shell name', () => {
    expect(() => invocation('true', undefined, { 'A;rm': 'x' })).toThrow(/invalid environment variable name/);
  });

  it('reports its pid first on stderr when a timeout may need it', async () => {
    const r = await execa('sh', ['-c', invocation('echo x >&2', undefined, undefined, true).command]);
    expect(r.stderr).toMatch(/^\x1etide-pid:\d+\nx$/);
  });
});
