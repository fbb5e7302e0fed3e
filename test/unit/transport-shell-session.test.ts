// The long-lived shell (shell-frames.ts, shell-session.ts) run here with the
// local sh, as the server runs it at the end of an ssh channel: framing of
// binary and huge output, stdin, secrets kept off command lines, timeouts
// that kill only their own group, and a shell that dies.

import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { CommandTimeoutError, RemoteShellLostError } from '../../src/transport/errors.js';
import { newRunTag, commandToken } from '../../src/transport/run-tag.js';
import { SHELL_COMMAND } from '../../src/transport/shell-frames.js';
import { ShellSession, type ShellPipes } from '../../src/transport/shell-session.js';
import type { ExecOptions } from '../../src/transport/types.js';

const children: ChildProcess[] = [];
afterEach(() => {
  for (const c of children.splice(0)) c.kill('SIGKILL');
});

/** A shell as over ssh: `sh -c SHELL_COMMAND` (the login shell's part), with `noise` printed first, as a chatty .bashrc would. */
function localShell(noise = ''): { session: ShellSession; child: ChildProcess } {
  const child = spawn('sh', ['-c', `printf '%s' ${JSON.stringify(noise)}; printf '%s' ${JSON.stringify(noise)} >&2; ${SHELL_COMMAND}`], { stdio: 'pipe', detached: true });
  children.push(child);
  let closed = false;
  const pipes: ShellPipes = {
    write: (data) => child.stdin!.write(data),
    onStdout: (l) => child.stdout!.on('data', l),
    onStderr: (l) => child.stderr!.on('data', l),
    onClose: (l) =>
      child.on('exit', (code, signal) => {
        if (!closed) l(`exit ${code ?? signal}`);
        closed = true;
      }),
    close: () => child.stdin!.end(),
  };
  const session = new ShellSession('local', pipes, async (pid) => {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      /* gone */
    }
  });
  return { session, child };
}

const run = (s: ShellSession, command: string, o: ExecOptions & { stdin?: string | Buffer; env?: Record<string, string> } = {}) =>
  s.run({ command, token: commandToken(o.tag), cwd: o.cwd, env: o.env, stdin: o.stdin as string | Buffer | undefined, timeoutMs: o.timeoutMs ?? 10_000 }, o);

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('one shell, many commands', () => {
  it('runs commands one after another in the same shell, with exit status, stdout and stderr apart', async () => {
    const { session, child } = localShell('bashrc says hello\n');
    const a = await run(session, 'echo out; echo err >&2; exit 3');
    expect(a).toMatchObject({ exitCode: 3, stdout: Buffer.from('out\n'), stderr: Buffer.from('err\n') });
    const b = await run(session, 'printf "%s" "$PPID"');
    expect(b.exitCode).toBe(0);
    // Still the first shell.
    expect(child.exitCode).toBe(null);
    expect(session.usable).toBe(true);
  });

  it('keeps binary output whole, boundary look-alikes and all', async () => {
    const { session } = localShell();
    const bytes = Buffer.concat([Buffer.from('\x1etide-end:00:0\n\x1etide-shell-ready\n'), randomBytes(100_000), Buffer.from([0, 10, 255, 0x1e])]);
    const r = await run(session, 'cat', { stdin: bytes });
    expect(r.stdout.equals(bytes)).toBe(true);
    const e = await run(session, 'cat >&2', { stdin: bytes });
    expect(e.stderr.equals(bytes)).toBe(true);
    // A command that ends without a newline, and an empty one.
    expect((await run(session, 'printf x')).stdout.toString()).toBe('x');
    expect((await run(session, 'true')).stdout.length).toBe(0);
  });

  it('carries huge output (64 MiB) and streams it to onOutput as it comes', async () => {
    const { session } = localShell();
    let streamed = 0;
    let chunks = 0;
    const r = await run(session, 'head -c 67108864 /dev/zero | tr "\\0" a; echo done >&2', {
      onOutput: (c, s) => {
        if (s === 'stdout') {
          streamed += c.length;
          chunks++;
        }
      },
    });
    expect(r.stdout.length).toBe(64 * 1024 * 1024);
    expect(streamed).toBe(64 * 1024 * 1024);
    expect(chunks).toBeGreaterThan(10);
    expect(r.stderr.toString()).toBe('done\n');
  });

  it('feeds stdin byte for byte with env and cwd, and EOF at once without', async () => {
    const { session } = localShell();
    const data = randomBytes(300_000);
    const r = await run(session, 'printf "%s|%s|" "$V" "$(pwd)"; sha256sum', { stdin: data, env: { V: "a'b\n$x" }, cwd: '/tmp' });
    expect(r.stdout.toString()).toBe(`a'b\n$x|/tmp|${sha(data)}  -\n`);
    expect((await run(session, 'cat; echo eof')).stdout.toString()).toBe('eof\n');
    expect((await run(session, 'echo ran', { cwd: '/nonexistent-dir' })).exitCode).not.toBe(0);
  });

  it('keeps env values (secrets) and stdin off every command line while the command runs', async () => {
    const { session } = localShell();
    const secret = `s3cret-${randomBytes(8).toString('hex')}`;
    const seen = run(session, 'sleep 0.5; printf "%s" "$PASSWORD" | wc -c', { env: { PASSWORD: secret }, stdin: `stdin-${secret}` });
    await new Promise((r) => setTimeout(r, 250));
    const lines = readdirSync('/proc').filter((p) => /^\d+$/.test(p)).map((p) => {
      try {
        return readFileSync(`/proc/${p}/cmdline`, 'latin1');
      } catch {
        return '';
      }
    });
    expect(lines.some((l) => l.includes('sleep 0.5'))).toBe(true);
    expect(lines.filter((l) => l.includes(secret))).toEqual([]);
    expect((await seen).stdout.toString().trim()).toBe(String(secret.length));
  });

  it('gives each command TIDE_RUN and a process group of its own, not the shell’s', async () => {
    const { session, child } = localShell();
    const tag = newRunTag();
    const r = await run(session, 'echo "$TIDE_RUN"; ps -o pgid= -p $$', { tag });
    const [token, pgid] = r.stdout.toString().trim().split(/\s+/);
    expect(token).toMatch(new RegExp(`^${tag}\\.[0-9a-f]{8}$`));
    expect(Number(pgid)).not.toBe(child.pid);
  });

  it('a timeout kills its command’s group and only it; the shell runs the next command', async () => {
    const { session, child } = localShell();
    const started = Date.now();
    const error = await run(session, 'sleep 30 & sleep 30; echo never', { timeoutMs: 300, what: 'sleeping' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CommandTimeoutError);
    expect((error as Error).message).toBe('server local: sleeping timed out after 300 ms and was killed');
    expect(Date.now() - started).toBeLessThan(3000);
    expect(child.exitCode).toBe(null);
    expect((await run(session, 'echo again')).stdout.toString()).toBe('again\n');
  });

  it('a shell that dies fails its command with a clear error and takes no more', async () => {
    const { session, child } = localShell();
    const running = run(session, 'sleep 2; echo late');
    setTimeout(() => process.kill(child.pid!, 'SIGKILL'), 200);
    const lost = await running.catch((e: unknown) => e);
    expect(lost).toBeInstanceOf(RemoteShellLostError);
    expect((lost as Error).message).toBe("server local: tide's shell on the server ended while running `sleep 2; echo late` (exit SIGKILL); the command's outcome is unknown");
    expect(session.usable).toBe(false);
    await expect(run(session, 'echo x')).rejects.toBeInstanceOf(RemoteShellLostError);
  });

  it('a command that kills the shell’s own processes fails clearly, not with a made-up status', async () => {
    const { session } = localShell();
    // The command's parent is the loop's subshell that reports its status.
    const lost = await run(session, 'kill -9 $PPID; sleep 0.2').catch((e: unknown) => e);
    expect((lost as Error).message).toBe("server local: tide's shell on the server ended while running `kill -9 $PPID; sleep 0.2` (it returned no exit status); the command's outcome is unknown");
    expect(session.usable).toBe(false);
  });

  it('runs nothing from a script cut short', async () => {
    const child = spawn('sh', ['-c', SHELL_COMMAND], { stdio: 'pipe' });
    children.push(child);
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stdin.end('b 100\necho ran\n');
    const code = await new Promise((r) => child.on('close', r));
    expect(code).toBe(125);
    expect(out).not.toContain('ran');
  });
});
