// SshTransport and keyscan against the real sshd of the integration
// environment (loopback). The servers run on this machine, so the tests can
// look at their processes and files directly, from outside the transport.

import { createHash, randomBytes } from 'node:crypto';
import { chmod, mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { execa } from 'execa';
import { utils } from 'ssh2';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { CommandTimeoutError, RemoteShellLostError } from '../../src/transport/errors.js';
import { fingerprint, keyscan } from '../../src/transport/keyscan.js';
import { SshTransport, type SshServer } from '../../src/transport/ssh.js';
import type { TestSshServer } from './env/types.js';
import { deployUserDir, sshTransportTo } from './support/ssh.js';

const services = inject('services');
const [web1, web2] = services.ssh.servers as [TestSshServer, TestSshServer];
const scratch = join(services.dir, `transport-ssh-${process.pid}`);
const opened: SshTransport[] = [];

function transport(server: TestSshServer, over: Partial<SshServer> = {}): SshTransport {
  const t = sshTransportTo(server, services, over);
  opened.push(t);
  return t;
}

/** Command lines of every process on this machine (the "servers" run here). */
async function processArgs(): Promise<string> {
  return (await execa('ps', ['-eww', '-o', 'args'])).stdout;
}

async function gone(pattern: string, timeoutMs = 2000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!(await processArgs()).includes(pattern)) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return false;
}

beforeAll(async () => {
  // Both servers' deploy users write here (both servers are this machine).
  await mkdir(scratch, { recursive: true, mode: 0o1777 });
  await chmod(scratch, 0o1777);
});
afterAll(async () => {
  await Promise.all(opened.map((t) => t.close()));
});

describe('SshTransport.exec', () => {
  const t = transport(web1);

  it('returns stdout, stderr and the exit code', async () => {
    const r = await t.exec('echo out; echo err >&2; exit 3');
    expect(r).toMatchObject({ command: 'echo out; echo err >&2; exit 3', exitCode: 3, stdout: 'out\n', stderr: 'err\n' });
    expect(r.durationMs).toBeGreaterThanOrEqual(0);
  });

  it('reports a command killed by a signal as 128 + n, with the signal', async () => {
    const r = await t.exec('kill -9 $$');
    expect(r).toMatchObject({ exitCode: 137, signal: 'SIGKILL' });
  });

  it('streams output chunks to onOutput', async () => {
    const chunks: string[] = [];
    const r = await t.exec('echo one; sleep 0.1; echo two >&2', { onOutput: (c, s) => chunks.push(`${s}:${c}`) });
    expect(chunks.join('')).toBe('stdout:one\nstderr:two\n');
    expect(r.stdout).toBe('one\n');
  });

  it('gives env values to the command without putting them on a command line', async () => {
    const secret = `s3cr3t-${randomBytes(8).toString('hex')}`;
    const tricky = `it's "quoted"\n$HOME \`id\` \\ ${secret}`;
    const probe = `probe-${randomBytes(4).toString('hex')}`;
    // The command waits for `go`, so ps sees it running however long a loaded machine takes to start it.
    const go = join(scratch, probe);
    const running = t.exec(`until [ -e '${go}' ]; do sleep 0.05; done; printf '%s|%s' "$TIDE_SECRET" "$TIDE_TRICKY" # ${probe}`, {
      env: { TIDE_SECRET: secret, TIDE_TRICKY: tricky },
    });
    let ps = '';
    for (const deadline = Date.now() + 20_000; !ps.includes(probe) && Date.now() < deadline; ) ps = await processArgs();
    await writeFile(go, '');
    expect(ps).toContain(probe); // ps ran while the command did
    expect(ps).not.toContain(secret);
    expect((await running).stdout).toBe(`${secret}|${tricky}`);
  });

  it('runs in cwd, and not at all when cwd is missing', async () => {
    expect((await t.exec('pwd', { cwd: scratch })).stdout.trim()).toBe(scratch);
    const marker = join(scratch, 'ran-without-cwd');
    const r = await t.exec(`touch ${marker}`, { cwd: join(scratch, 'missing') });
    expect(r.exitCode).not.toBe(0);
    await expect(stat(marker)).rejects.toThrow();
  });

  it('feeds stdin byte for byte, also together with env and cwd', async () => {
    const data = randomBytes(200_000);
    const sha = createHash('sha256').update(data).digest('hex');
    expect((await t.exec('sha256sum', { stdin: data })).stdout.split(' ')[0]).toBe(sha);
    const r = await t.exec('sha256sum | cut -c1-64; printf "%s@%s" "$V" "$(pwd)"', { stdin: data, env: { V: 'v1' }, cwd: scratch });
    expect(r.stdout).toBe(`${sha}\nv1@${scratch}`);
  });

  it('sees end of input at once when no stdin is given', async () => {
    expect((await t.exec('cat; echo done', { timeoutMs: 5000 })).stdout).toBe('done\n');
    expect((await t.exec('cat; echo done', { env: { A: 'b' }, timeoutMs: 5000 })).stdout).toBe('done\n');
  });
});

describe('one connection per server', () => {
  it('runs 20 concurrent execs as channels of one TCP connection, at most 8 at a time', async () => {
    const t = transport(web1);
    const dir = deployUserDir(web1, join(scratch, 'concurrent'));
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => t.exec(`touch ${i}; sleep 0.3; ls | wc -l; rm ${i}; echo ${i} >&2`, { cwd: dir })),
    );
    expect(results.map((r) => r.stderr.trim())).toEqual(Array.from({ length: 20 }, (_, i) => String(i)));
    const concurrent = results.map((r) => Number(r.stdout.trim()));
    expect(Math.max(...concurrent)).toBeGreaterThan(1);
    expect(Math.max(...concurrent)).toBeLessThanOrEqual(8);
    expect(t.connections).toBe(1);
  });

  it('fails the command on a dropped connection, and reconnects for the next', async () => {
    const t = transport(web1);
    expect((await t.exec('echo up')).stdout).toBe('up\n');
    // For a root login the nearest sshd above the command is the process
    // serving this connection: killing it drops the TCP connection.
    const sshdAbove = 'p=$PPID; while [ "$(cat /proc/$p/comm)" != sshd ]; do s=$(cat /proc/$p/stat); set -- ${s##*) }; p=$2; done; echo $p';
    await expect(t.exec(`sleep 0.2; kill -9 $(${sshdAbove}); sleep 5`)).rejects.toMatchObject({ code: 'SSH_CONNECT_FAILED' });
    expect((await t.exec('echo again')).stdout).toBe('again\n');
    expect(t.connections).toBe(2);
  });
});

describe('long-lived shells', () => {
  /**
   * The pid of the tide shell a command runs in: the topmost of its
   * ancestors whose command line ends in `tide-shell` (the loop's per-command
   * subshells, forks of it, show the same command line).
   */
  const SHELL_PID = [
    'ppid() { s=$(cat /proc/$1/stat); set -- ${s##*) }; echo $2; }',
    'loop() { tr "\\0" " " < /proc/$1/cmdline | grep -q "tide-shell $"; }',
    'p=$PPID; until loop $p; do p=$(ppid $p); done',
    'while loop $(ppid $p); do p=$(ppid $p); done; echo $p',
  ].join('\n');
  const shellOf = async (t: SshTransport, options = {}) => Number((await t.exec(SHELL_PID, options)).stdout.trim());

  it('runs one command after another in the same shell: one login for many commands', async () => {
    const t = transport(web1);
    const shells = new Set<number>();
    for (let i = 0; i < 10; i++) shells.add(await shellOf(t, i % 2 ? { env: { I: String(i) }, cwd: scratch } : {}));
    expect(shells.size).toBe(1);
    // Concurrent commands get shells of their own, at most one per slot.
    const concurrent = await Promise.all(Array.from({ length: 12 }, () => t.exec(`sleep 0.3; ${SHELL_PID}`)));
    const used = new Set(concurrent.map((r) => Number(r.stdout.trim())));
    expect(used.size).toBeGreaterThan(1);
    expect(used.size).toBeLessThanOrEqual(8);
    expect(t.connections).toBe(1);
  });

  it('keeps env values and stdin bytes off every command line on the server while a command runs', async () => {
    const t = transport(web1);
    const secret = `s3cr3t-${randomBytes(8).toString('hex')}`;
    const probe = `probe-${randomBytes(4).toString('hex')}`;
    const running = t.exec(`sleep 2; cat > /dev/null; printf '%s' "$DB_PASSWORD" | wc -c # ${probe}`, { env: { DB_PASSWORD: secret }, stdin: `{"password":"${secret}"}` });
    const cmdlines = async () => Promise.all((await readdir('/proc')).filter((p) => /^\d+$/.test(p)).map((p) => readFile(`/proc/${p}/cmdline`, 'latin1').catch(() => '')));
    // Every process's command line, until the command shows up in one (it is running then).
    let all: string[] = [];
    for (const until = Date.now() + 10_000; Date.now() < until && !all.some((l) => l.includes(probe)); ) {
      all = await cmdlines();
      expect(all.filter((l) => l.includes(secret))).toEqual([]);
    }
    expect(all.some((l) => l.includes(probe))).toBe(true);
    expect((await running).stdout.trim()).toBe(String(secret.length));
  });

  it('returns binary and huge output byte for byte', async () => {
    const t = transport(web2);
    const path = join(scratch, 'huge.bin');
    const bytes = Buffer.concat([Buffer.from('\x1etide-end:0:\n\x1etide-shell-ready\n'), randomBytes(24 * 1024 * 1024), Buffer.from([0, 0x1e])]);
    await writeFile(path, bytes);
    expect((await t.readFile(path))?.equals(bytes)).toBe(true);
    const r = await t.exec('yes "a line of stderr" | head -c 10485760 >&2; echo ok');
    expect(r.stdout).toBe('ok\n');
    expect(r.stderr.length).toBe(10 * 1024 * 1024);
  });

  it('a timeout kills its own group and no other; the shell lives on', async () => {
    const t = transport(web1);
    const before = await shellOf(t);
    const [timedOut, sibling] = await Promise.allSettled([
      t.exec('sleep 36.75 & sleep 36.5', { timeoutMs: 400 }),
      t.exec('sleep 1.5; echo finished', { timeoutMs: 20_000 }),
    ]);
    expect((timedOut as PromiseRejectedResult).reason).toBeInstanceOf(CommandTimeoutError);
    expect(sibling).toMatchObject({ status: 'fulfilled', value: { exitCode: 0, stdout: 'finished\n' } });
    expect(await gone('sleep 36.75')).toBe(true);
    const after = await Promise.all([shellOf(t), shellOf(t)]);
    expect(after).toContain(before);
  });

  it('a shell that dies fails its command with a clear error, and a new shell runs the next', async () => {
    const t = transport(web1);
    const first = await shellOf(t);
    const error = await t.exec(`kill -9 ${first}; sleep 3`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RemoteShellLostError);
    expect((error as Error).message).toBe(`server web1: tide's shell on the server ended while running \`kill -9 ${first}; sleep 3\` (killed by SIGKILL); the command's outcome is unknown`);
    const next = await shellOf(t);
    expect(next).not.toBe(first);
    expect(t.connections).toBe(1);
  });
});

describe('warm-up', () => {
  it('connects and starts shells ahead of the first command, which then runs in one of them', async () => {
    const shells = async () => (await processArgs()).match(/tide-shell *$/gm)?.length ?? 0;
    const before = await shells();
    const t = transport(web1);
    t.warm(3);
    const deadline = Date.now() + 10_000;
    // The shells show up on the server before any command is sent.
    while (Date.now() < deadline && (await shells()) < before + 3) await new Promise((r) => setTimeout(r, 50));
    expect(await shells()).toBeGreaterThanOrEqual(before + 3);
    expect(t.connections).toBe(1);
    const started = await Promise.all(Array.from({ length: 3 }, () => t.exec('echo ran')));
    expect(started.map((r) => r.stdout)).toEqual(['ran\n', 'ran\n', 'ran\n']);
    expect(t.connections).toBe(1);
  });

  it('gives commands that arrive while the warm-up opens its shells those shells, not new ones', async () => {
    const t = transport(web1);
    t.warm(3);
    // Sent at once, so all wait for the connection with the warm-up.
    const ran = await Promise.all(Array.from({ length: 3 }, () => t.exec('echo ran')));
    expect(ran.map((r) => r.stdout)).toEqual(['ran\n', 'ran\n', 'ran\n']);
    // The loops of this connection: the children of its sshd, as the parent of this command's loop sees them.
    const loops = await t.exec('sshd=$(ps -o ppid= -p $PPID); ps -ww -o args= --ppid $sshd | grep -c "tide-shell *$"');
    expect(loops.stdout.trim()).toBe('3');
  });

  it('leaves a connection failure to the first command, which meets it as without warm-up and runs nothing', async () => {
    const marker = join(scratch, 'warm-mismatch-ran');
    const t = transport(web1, { hostKey: web2.hostKey });
    t.warm(2);
    const error = await t.exec(`touch ${marker}`).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'HOST_KEY_MISMATCH' });
    await expect(stat(marker)).rejects.toThrow();
  });
});

describe('timeouts', () => {
  it('kills the remote command and its children, and rejects with CommandTimeoutError', async () => {
    const t = transport(web1);
    const started = Date.now();
    const error = await t.exec('sleep 37.5 & sleep 37.25; echo never', { timeoutMs: 500 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CommandTimeoutError);
    expect(error).toMatchObject({ code: 'COMMAND_TIMEOUT', retryable: true });
    expect((error as Error).message).toMatch(/server web1: command `sleep 37\.5 & sleep 37\.25.*` timed out after 500 ms/);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(await gone('sleep 37.25')).toBe(true);
    expect(await gone('sleep 37.5')).toBe(true);
    expect((await t.exec('echo still usable')).exitCode).toBe(0);
  });
});

describe('files', () => {
  const t = transport(web2);

  it('writes atomically with parent dirs and mode, and reads back binary exact', async () => {
    const path = join(scratch, 'files', 'a', 'b', 'blob.bin');
    const content = Buffer.concat([Buffer.from(Array.from({ length: 256 }, (_, i) => i)), randomBytes(70_000)]);
    await t.writeFile(path, content, 0o600);
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect((await t.readFile(path))?.equals(content)).toBe(true);

    await t.writeFile(path, 'replaced\n');
    expect((await stat(path)).mode & 0o777).toBe(0o644);
    expect((await t.readFile(path))?.toString()).toBe('replaced\n');
    expect(await readdir(join(scratch, 'files', 'a', 'b'))).toEqual(['blob.bin']); // no temp files left
  });

  it('reads a missing file as null, and fails on a directory', async () => {
    expect(await t.readFile(join(scratch, 'no-such-file'))).toBeNull();
    await expect(t.readFile(scratch)).rejects.toMatchObject({ code: 'TRANSPORT_FAILED', message: expect.stringContaining('web2') });
  });

  it('replaces a file in one command, returning its previous bytes exactly (null when there was none); null content removes it', async () => {
    const path = join(scratch, 'files', 'replaced', 'r.bin');
    const first = Buffer.concat([randomBytes(5000), Buffer.from([0, 0x1e, 10, 255])]);
    expect(await t.replaceFile(path, first, 0o600)).toBeNull();
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect((await t.replaceFile(path, 'second\n'))?.equals(first)).toBe(true);
    expect(await readFile(path, 'utf8')).toBe('second\n');
    expect((await t.replaceFile(path, null))?.toString()).toBe('second\n');
    await expect(stat(path)).rejects.toThrow(/ENOENT/);
    expect(await t.replaceFile(path, null)).toBeNull();
    expect(await readdir(join(scratch, 'files', 'replaced'))).toEqual([]); // no temp files left
    await expect(t.replaceFile(join(scratch, 'files'), 'x')).rejects.toMatchObject({ code: 'TRANSPORT_FAILED' });
  });

  it('writes an empty file', async () => {
    const path = join(scratch, 'files', 'empty');
    await t.writeFile(path, '');
    expect((await t.readFile(path))?.length).toBe(0);
  });
});

describe('host key pinning', () => {
  it("refuses a server presenting another key than the pin, and runs nothing", async () => {
    const marker = join(scratch, 'mismatch-ran');
    const t = transport(web1, { hostKey: web2.hostKey });
    const error = await t.exec(`touch ${marker}`).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'HOST_KEY_MISMATCH' });
    const message = (error as Error).message;
    expect(message).toContain('web1');
    expect(message).toContain(`127.0.0.1:${web1.port}`);
    expect(message).toContain(fingerprint(web2.hostKey)); // expected
    expect(message).toContain(fingerprint(web1.hostKey)); // presented
    await expect(stat(marker)).rejects.toThrow();
  });

  it('refuses to connect without a pin, pointing at tide keyscan', async () => {
    const t = transport(web1, { hostKey: undefined });
    const error = await t.exec('true').catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'HOST_KEY_MISSING', hint: expect.stringContaining(`tide keyscan 127.0.0.1:${web1.port}`) });
    expect(t.connections).toBe(0);
  });

  it('accepts the pin among several lines', async () => {
    const t = transport(web1, { hostKey: `# rotated\n${web2.hostKey}\n${web1.hostKey} comment\n` });
    expect((await t.exec('echo ok')).stdout).toBe('ok\n');
  });

  it('reports a refused key as an authentication failure, not retryable', async () => {
    const { private: key } = utils.generateKeyPairSync('ed25519');
    const keyFile = join(scratch, 'stranger.key');
    await writeFile(keyFile, key, { mode: 0o600 });
    const error = await transport(web1, { identity: `file:${keyFile}` }).exec('true').catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'SSH_CONNECT_FAILED', retryable: false, hint: expect.stringContaining('authorized_keys') });
    expect((error as Error).message).toContain(`web1: cannot connect to ${web1.user}@127.0.0.1:${web1.port}`);
  });
});

describe('keyscan', () => {
  it('returns the key the server presents, as pinned', async () => {
    expect(await keyscan(web1.host, web1.port, { timeoutMs: 5000 })).toEqual([web1.hostKey]);
  });

  it('prints the fingerprint as ssh-keygen does', async () => {
    const r = await execa('ssh-keygen', ['-lf', '-'], { input: `${web1.hostKey}\n` });
    expect(r.stdout.split(' ')[1]).toBe(fingerprint(web1.hostKey));
  });

  it('fails clearly when nothing listens', async () => {
    await expect(keyscan('127.0.0.1', 1, { timeoutMs: 2000 })).rejects.toMatchObject({ code: 'SSH_CONNECT_FAILED' });
  });
});
