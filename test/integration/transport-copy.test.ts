// Transport.copyFileTo between the real loopback sshd servers and this
// machine (LocalTransport): the file streams through tide with backpressure,
// so a large backup never sits whole in memory; the destination appears
// whole, with its mode, or not at all. The memory test runs first, in this
// file's own worker, before anything else has grown the process.

import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PassThrough, Readable, Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { OperationLog } from '../../src/shell/log.js';
import { shellFor } from '../../src/shell/shell.js';
import { FileCopyError } from '../../src/transport/errors.js';
import { LocalTransport } from '../../src/transport/local.js';
import type { SshTransport } from '../../src/transport/ssh.js';
import type { ExecOptions, ExecResult, Transport } from '../../src/transport/types.js';
import type { TestSshServer } from './env/types.js';
import { deployUserDir, sshTransportTo } from './support/ssh.js';

const services = inject('services');
const [web1, web2] = services.ssh.servers as [TestSshServer, TestSshServer];
const MiB = 1024 * 1024;

function ssh(server: TestSshServer): SshTransport {
  return sshTransportTo(server, services);
}

const t1 = ssh(web1);
const t2 = ssh(web2);
const local = new LocalTransport('local1');
const dir1 = join(web1.root, `copy-test-${process.pid}`);
const dir2 = join(web2.root, `copy-test-${process.pid}`);
const dirLocal = join(services.dir, `copy-test-local-${process.pid}`);

/** Writes `size` random bytes 1 MiB at a time (never whole in memory); returns their sha256. */
async function randomFile(path: string, size: number): Promise<string> {
  const hash = createHash('sha256');
  const file = await open(path, 'w');
  try {
    for (let left = size; left > 0; left -= MiB) {
      const chunk = randomBytes(Math.min(MiB, left));
      hash.update(chunk);
      await file.write(chunk);
    }
  } finally {
    await file.close();
  }
  return hash.digest('hex');
}

async function sha256(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

const modeOf = async (path: string) => (await stat(path)).mode & 0o777;

/** Peak growth of this process's resident memory while `run` runs, sampled every 2 ms. */
async function peakRssGrowth<T>(run: () => Promise<T>): Promise<{ result: T; growth: number }> {
  const base = process.memoryUsage.rss();
  let peak = base;
  const sample = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 2);
  try {
    const result = await run();
    peak = Math.max(peak, process.memoryUsage.rss());
    return { result, growth: peak - base };
  } finally {
    clearInterval(sample);
  }
}

beforeAll(async () => {
  await mkdir(dirLocal, { recursive: true });
  deployUserDir(web1, dir1);
  deployUserDir(web2, dir2);
});
afterAll(async () => {
  await Promise.all([t1.close(), t2.close()]);
  await Promise.all([dir1, dir2, dirLocal].map((d) => rm(d, { recursive: true, force: true })));
});

describe('copyFileTo, streamed', () => {
  it('copies 128 MiB from web1 to web2 exactly, with its mode, without holding it in memory', async () => {
    // Memory held must not grow with the file: a copy that kept it would grow by more than the file's size.
    // The limit leaves room for garbage not yet collected, which on a loaded machine reached 46 MiB.
    const size = 128 * MiB;
    const source = join(dir1, 'big.tar.gz');
    const sum = await randomFile(source, size);
    const dest = join(dir2, 'incoming', 'big.tar.gz');
    // Connections and code paths warmed up first: only the copy is measured.
    await writeFile(join(dir1, 'small'), 'warm-up\n');
    await t1.copyFileTo(join(dir1, 'small'), t2, join(dir2, 'small'));

    const { result, growth } = await peakRssGrowth(() => t1.copyFileTo(source, t2, dest, 0o640));
    console.log(`copy of ${size / MiB} MiB web1 → web2: peak RSS growth ${(growth / MiB).toFixed(1)} MiB`);
    expect(result).toEqual({ bytes: size });
    expect(growth).toBeLessThan(size / 2);
    expect(await sha256(dest)).toBe(sum);
    expect(await modeOf(dest)).toBe(0o640);
    expect(await readdir(join(dir2, 'incoming'))).toEqual(['big.tar.gz']); // no temp file left
  });

  it('copies from this machine to a server and back (LocalTransport)', async () => {
    const source = join(dirLocal, 'up.bin');
    const sum = await randomFile(source, 5 * MiB + 123);
    const remote = join(dir1, 'from-local', 'up.bin');
    expect(await local.copyFileTo(source, t1, remote, 0o600)).toEqual({ bytes: 5 * MiB + 123 });
    expect(await sha256(remote)).toBe(sum);
    expect(await modeOf(remote)).toBe(0o600);

    const back = join(dirLocal, 'back', 'up.bin');
    expect(await t1.copyFileTo(remote, local, back)).toEqual({ bytes: 5 * MiB + 123 });
    expect(await sha256(back)).toBe(sum);
    expect(await modeOf(back)).toBe(0o644);
    expect(await readdir(join(dirLocal, 'back'))).toEqual(['up.bin']);
  });

  it('copies an empty file, and replaces an existing destination', async () => {
    const empty = join(dir1, 'empty');
    await writeFile(empty, '');
    const dest = join(dir2, 'replaced');
    await writeFile(dest, 'old content\n');
    expect(await t1.copyFileTo(empty, t2, dest, 0o600)).toEqual({ bytes: 0 });
    expect((await stat(dest)).size).toBe(0);
    expect(await modeOf(dest)).toBe(0o600);
  });
});

describe('copyFileTo failures', () => {
  it('rejects a missing source with a FileCopyError naming both ends, and leaves no destination', async () => {
    const dest = join(dir2, 'missing-out', 'x.tar.gz');
    const error = await t1.copyFileTo(join(dir1, 'no-such-backup.tar.gz'), t2, dest).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FileCopyError);
    expect(error).toMatchObject({ code: 'FILE_MISSING', missing: true, from: { server: 'web1' }, to: { server: 'web2', path: dest } });
    expect((error as Error).message).toBe(`cannot copy web1:${join(dir1, 'no-such-backup.tar.gz')} → web2:${dest}: no such file on web1`);
    await expect(stat(dest)).rejects.toThrow();
    expect(await readdir(join(dir2, 'missing-out'))).toEqual([]); // no temp file either

    const fromLocal = await local.copyFileTo(join(dirLocal, 'nope'), t2, dest).catch((e: unknown) => e);
    expect(fromLocal).toMatchObject({ code: 'FILE_MISSING', message: expect.stringContaining('local1:') });
    await expect(stat(dest)).rejects.toThrow();
  });

  it('stops the sender when the receiver fails early, without hanging', async () => {
    const source = join(dir1, 'sender.bin');
    await randomFile(source, 32 * MiB);
    await writeFile(join(dir2, 'a-file'), '');
    await randomFile(join(dirLocal, 'sender.bin'), 32 * MiB);
    const dest = join(dir2, 'a-file', 'under', 'x');
    for (const [from, path] of [[t1, source], [local, join(dirLocal, 'sender.bin')]] as const) {
      const started = Date.now();
      const error = await from.copyFileTo(path, t2, dest).catch((e: unknown) => e);
      // The message on its own: a mismatch then prints it whole (in toMatchObject's diff it was cut short).
      expect((error as Error).message).toMatch(/^cannot copy (web1|local1):\S+ → web2:\S+: web2: mkdir/);
      expect(error).toMatchObject({ code: 'FILE_COPY_FAILED' });
      expect(Date.now() - started).toBeLessThan(10_000);
      expect((await from.exec('echo still usable')).stdout).toBe('still usable\n');
    }
    // And into this machine.
    await writeFile(join(dirLocal, 'a-file'), '');
    const error = await t1.copyFileTo(source, local, join(dirLocal, 'a-file', 'x')).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'FILE_COPY_FAILED', message: expect.stringContaining('local1: mkdir') });
  });

  it('leaves nothing behind when the sender fails mid-way (truncated transfer)', async () => {
    // A source that sends 3 MiB, then loses its connection.
    const broken: Transport = {
      server: 'web9',
      async exec(command: string, options: ExecOptions = {}): Promise<ExecResult> {
        const out = options.stdout!;
        for (let i = 0; i < 3; i++) {
          if (!out.write(randomBytes(MiB))) await new Promise((r) => out.once('drain', r));
        }
        throw new FileCopyError({ server: 'web9', path: '/x' }, { server: 'web9', path: '/y' }, 'the connection was lost', { retryable: true });
      },
      writeFile: () => Promise.reject(new Error('unused')),
      readFile: () => Promise.reject(new Error('unused')),
      replaceFile: () => Promise.reject(new Error('unused')),
      copyFileTo: () => Promise.reject(new Error('unused')),
      close: async () => {},
    };
    const { copyFile } = await import('../../src/transport/copy-file.js');
    const dest = join(dir2, 'truncated', 'x.tar.gz');
    const error = await copyFile(broken, '/backups/x.tar.gz', t2, dest).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FileCopyError);
    expect(error).toMatchObject({ code: 'FILE_COPY_FAILED', missing: false, retryable: true });
    expect((error as Error).message).toContain(`cannot copy web9:/backups/x.tar.gz → web2:${dest}:`);
    expect(await readdir(join(dir2, 'truncated'))).toEqual([]);
  });
});

describe('streamed stdin and stdout of exec', () => {
  it('feeds a Readable after the env script over ssh, byte for byte', async () => {
    const chunks = Array.from({ length: 20 }, () => randomBytes(100_000));
    const sum = createHash('sha256').update(Buffer.concat(chunks)).digest('hex');
    for (const t of [t1, local]) {
      const r = await t.exec('sha256sum | cut -c1-64; printf "%s@%s" "$V" "$(pwd)"', {
        stdin: Readable.from(chunks), env: { V: 'v1' }, cwd: dirLocal,
      });
      expect(r.stdout).toBe(`${sum}\nv1@${dirLocal}`);
    }
  });

  it('streams stdout into a slow Writable, keeps stderr for the log', async () => {
    for (const t of [t1, local]) {
      const got: Buffer[] = [];
      const slow = new Writable({
        highWaterMark: 64 * 1024,
        write(chunk: Buffer, _e, cb) {
          got.push(chunk);
          setTimeout(cb, 1);
        },
      });
      const logged: string[] = [];
      const r = await t.exec('head -c 3000000 /dev/zero; echo done >&2', { stdout: slow, onOutput: (c, s) => logged.push(`${s}:${c}`) });
      expect(r).toMatchObject({ exitCode: 0, stdout: '', stderr: 'done\n' });
      await finished(slow); // ended by exec, once the output ended
      expect(Buffer.concat(got).length).toBe(3_000_000);
      expect(logged).toEqual(['stderr:done\n']);
    }
  });

  it('kills the command when the stdin stream fails, before it could take the cut-off input as whole', async () => {
    for (const t of [t1, local]) {
      for (const delay of [0, 100]) {
        const marker = join(dirLocal, `took-partial-input-${t.server}-${delay}`);
        const input = new PassThrough();
        input.write('partial');
        setTimeout(() => input.destroy(new Error('source gone')), delay);
        const error = await t.exec(`cat > /dev/null && touch ${marker}`, { stdin: input, env: { A: 'b' } }).catch((e: unknown) => e);
        expect(error).toMatchObject({ code: 'TRANSPORT_FAILED', message: expect.stringContaining('source gone') });
        await new Promise((r) => setTimeout(r, 200));
        await expect(stat(marker)).rejects.toThrow();
      }
    }
  });

  it('kills the command when the stdout stream fails', async () => {
    for (const t of [t1, local]) {
      const marker = join(dirLocal, `wrote-into-nothing-${t.server}`);
      const out = new Writable({ write: (_c, _e, cb) => cb(new Error('disk full')) });
      out.on('error', () => undefined);
      const error = await t.exec(`head -c 10000000 /dev/zero; sleep 0.5; touch ${marker}`, { stdout: out }).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'TRANSPORT_FAILED', message: expect.stringContaining('disk full') });
      await new Promise((r) => setTimeout(r, 800));
      await expect(stat(marker)).rejects.toThrow();
    }
  });
});

describe('the logging shell', () => {
  it('logs one line per copy, and not the commands it runs', async () => {
    const log = new OperationLog();
    const source = join(dir1, 'logged');
    await writeFile(source, 'hello\n');
    const dest = join(dir2, 'logged-copy');
    const from = shellFor(t1, log).transport;
    const to = shellFor(t2, log).transport;
    expect(await from.copyFileTo(source, to, dest, 0o600)).toEqual({ bytes: 6 });
    const lines = log.text().trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`copy web1:${source} → web2:${dest}`);
    expect(await modeOf(dest)).toBe(0o600);
  });
});
