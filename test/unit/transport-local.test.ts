// LocalTransport: the same contract as the ssh transport, on this machine.

import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CommandTimeoutError } from '../../src/transport/errors.js';
import { LocalTransport } from '../../src/transport/local.js';
import { openTransport, TransportPool } from '../../src/transport/pool.js';
import { SshTransport } from '../../src/transport/ssh.js';

const t = new LocalTransport('local1');
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tide-local-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function running(pattern: string): Promise<boolean> {
  return (await execa('ps', ['-eww', '-o', 'args'])).stdout.includes(pattern);
}

describe('LocalTransport.exec', () => {
  it('runs with sh -c and returns stdout, stderr and the exit code', async () => {
    const r = await t.exec('echo out; echo err >&2; exit 4');
    expect(r).toMatchObject({ command: 'echo out; echo err >&2; exit 4', exitCode: 4, stdout: 'out\n', stderr: 'err\n' });
    expect(r.durationMs).toBeGreaterThanOrEqual(0);
  });

  it('reports a signal as 128 + n', async () => {
    expect(await t.exec('kill -TERM $$')).toMatchObject({ exitCode: 143, signal: 'SIGTERM' });
  });

  it('merges env into the environment and runs in cwd', async () => {
    const r = await t.exec('printf "%s|%s|%s" "$A" "$(pwd)" "${PATH:+has-path}"', { env: { A: "it's\nx" }, cwd: dir });
    expect(r.stdout).toBe(`it's\nx|${dir}|has-path`);
  });

  it('fails with the server named when cwd does not exist', async () => {
    await expect(t.exec('true', { cwd: join(dir, 'missing') })).rejects.toMatchObject({
      code: 'TRANSPORT_FAILED',
      message: expect.stringContaining('local1'),
    });
  });

  it('feeds stdin byte for byte, and EOF when none is given', async () => {
    const data = randomBytes(300_000);
    const r = await t.exec('sha256sum', { stdin: data });
    expect(r.stdout.split(' ')[0]).toBe(createHash('sha256').update(data).digest('hex'));
    expect((await t.exec('cat; echo done', { timeoutMs: 5000 })).stdout).toBe('done\n');
  });

  it('streams output to onOutput, per stream, without splitting characters', async () => {
    const chunks: string[] = [];
    const r = await t.exec("printf '\\303'; sleep 0.05; printf '\\251\\n'; echo e >&2", { onOutput: (c, s) => chunks.push(`${s}:${c}`) });
    expect(r.stdout).toBe('é\n');
    expect(chunks).toEqual(['stdout:é\n', 'stderr:e\n']);
  });

  it('kills the command and what it started on timeout', async () => {
    const started = Date.now();
    const error = await t.exec('sleep 38.5 & sleep 38.25; echo never', { timeoutMs: 300 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CommandTimeoutError);
    expect((error as Error).message).toMatch(/server local1: command `sleep 38\.5 .*` timed out after 300 ms/);
    expect(Date.now() - started).toBeLessThan(3000);
    await new Promise((r) => setTimeout(r, 100));
    expect(await running('sleep 38.5')).toBe(false);
    expect(await running('sleep 38.25')).toBe(false);
  });
});

describe('LocalTransport files', () => {
  it('writes atomically with parent dirs and a mode regardless of umask, reads back exact', async () => {
    const path = join(dir, 'x', 'y', 'secret.bin');
    const content = randomBytes(5000);
    await t.writeFile(path, content, 0o640);
    expect((await stat(path)).mode & 0o777).toBe(0o640);
    expect((await t.readFile(path))?.equals(content)).toBe(true);
    await t.writeFile(path, 'next');
    expect((await stat(path)).mode & 0o777).toBe(0o644);
    expect((await t.readFile(path))?.toString()).toBe('next');
    expect(await readdir(join(dir, 'x', 'y'))).toEqual(['secret.bin']);
  });

  it('reads a missing file as null and fails on a directory', async () => {
    expect(await t.readFile(join(dir, 'nope'))).toBeNull();
    await expect(t.readFile(dir)).rejects.toMatchObject({ code: 'TRANSPORT_FAILED' });
  });

  it('fails to write under a file, naming the server', async () => {
    await writeFile(join(dir, 'plain'), '');
    await expect(t.writeFile(join(dir, 'plain', 'child'), 'x')).rejects.toMatchObject({
      code: 'TRANSPORT_FAILED',
      message: expect.stringContaining('server local1: cannot write'),
    });
  });
});

describe('TransportPool', () => {
  const server = { name: 'a', transport: 'local' as const, port: 22 };

  it('gives one transport per server name, by transport kind', async () => {
    const pool = new TransportPool();
    const a = pool.get(server);
    expect(a).toBeInstanceOf(LocalTransport);
    expect(pool.get({ ...server })).toBe(a);
    const b = pool.get({ name: 'b', transport: 'ssh', host: '127.0.0.1', port: 22, hostKey: 'ssh-ed25519 AAAA' });
    expect(b).toBeInstanceOf(SshTransport);
    expect(b.server).toBe('b');
    await pool.closeAll();
    expect(pool.get(server)).not.toBe(a);
  });

  it('openTransport makes no connection', () => {
    const ssh = openTransport({ name: 'c', transport: 'ssh', host: '127.0.0.1', port: 1 }) as SshTransport;
    expect(ssh.connections).toBe(0);
  });
});
