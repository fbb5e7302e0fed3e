// The long-lived shell (shell-loops.ts, shell-frames.ts, shell-session.ts)
// run here with the local perl and sh, as the server runs it at the end of an
// ssh channel: both loops (perl, and the sh fallback where there is no
// working perl) pass the same tests: framing of binary and huge output,
// stdin, secrets kept off command lines, timeouts that kill only their own
// group, and a shell that dies.

import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { CommandTimeoutError, RemoteShellLostError } from '../../src/transport/errors.js';
import { newRunTag, commandToken } from '../../src/transport/run-tag.js';
import { PERL_NONE, PERL_VERSION_COMMAND, SHELL_COMMAND, type ShellLoopKind } from '../../src/transport/shell-loops.js';
import { ShellSession, type ShellPipes } from '../../src/transport/shell-session.js';
import type { ExecOptions } from '../../src/transport/types.js';

const children: ChildProcess[] = [];
afterEach(() => {
  for (const c of children.splice(0)) c.kill('SIGKILL');
});

/**
 * A PATH on which `perl` is missing (every other program of /usr/bin and
 * /usr/sbin is there), or, with `perl: 'broken'`, is a perl that runs
 * nothing (exits 2), or, with `perl: 'no-fcntl'`, is the real perl that
 * cannot load Fcntl, one of the loop's modules (it runs `perl -e 1`).
 */
function pathWithout(perl?: 'broken' | 'no-fcntl'): string {
  const dir = mkdtempSync(join(tmpdir(), 'tide-noperl-'));
  scratch.push(dir);
  for (const bin of ['/usr/bin', '/usr/sbin']) {
    for (const name of readdirSync(bin)) {
      if (name.startsWith('perl')) continue;
      try {
        symlinkSync(join(bin, name), join(dir, name));
      } catch {
        /* the same name in both */
      }
    }
  }
  if (perl === 'broken') writeFileSync(join(dir, 'perl'), '#!/bin/sh\necho "Can\'t locate POSIX.pm in @INC" >&2\nexit 2\n', { mode: 0o755 });
  if (perl === 'no-fcntl') {
    mkdirSync(join(dir, 'lib'));
    writeFileSync(join(dir, 'lib', 'Fcntl.pm'), 'die "Can\'t locate Fcntl.pm in @INC\\n";\n');
    writeFileSync(join(dir, 'perl'), `#!/bin/sh\nexec /usr/bin/perl -I${join(dir, 'lib')} "$@"\n`, { mode: 0o755 });
  }
  return dir;
}
const scratch: string[] = [];
afterAll(() => {
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
});

/** The PATH each loop is tested under: the machine's (it has perl), or one without perl. */
const loops: { kind: ShellLoopKind; path: () => string | undefined }[] = [
  { kind: 'perl', path: () => undefined },
  { kind: 'sh', path: (() => {
    let dir: string | undefined;
    return () => (dir ??= pathWithout());
  })() },
];

/**
 * A shell as over ssh: `sh -c SHELL_COMMAND` (the login shell's part), with
 * `noise` printed first, as a chatty .bashrc would; `path` replaces PATH.
 */
function localShell(noise = '', path?: string): { session: ShellSession; child: ChildProcess } {
  const env = path === undefined ? process.env : { ...process.env, PATH: path };
  const child = spawn('sh', ['-c', `printf '%s' ${JSON.stringify(noise)}; printf '%s' ${JSON.stringify(noise)} >&2; ${SHELL_COMMAND}`], { stdio: 'pipe', detached: true, env });
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
  // As killGroupCommand does: the group, then the pid (a kill that comes
  // before the command's setsid() finds no group yet, but its process).
  const session = new ShellSession('local', pipes, async (pid) => {
    for (const target of [-pid, pid]) {
      try {
        process.kill(target, 'SIGKILL');
      } catch {
        /* gone */
      }
    }
  });
  return { session, child };
}

const run = (s: ShellSession, command: string, o: ExecOptions & { stdin?: string | Buffer; env?: Record<string, string> } = {}) =>
  s.run({ command, token: commandToken(o.tag), cwd: o.cwd, env: o.env, stdin: o.stdin as string | Buffer | undefined, timeoutMs: o.timeoutMs ?? 10_000 }, o);

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** Every process's command line on this machine. */
function commandLines(): string[] {
  return readdirSync('/proc').filter((p) => /^\d+$/.test(p)).map((p) => {
    try {
      return readFileSync(`/proc/${p}/cmdline`, 'latin1');
    } catch {
      return '';
    }
  });
}

describe.each(loops)('one shell, many commands: the $kind loop', ({ kind, path }) => {
  const shell = (noise = '') => localShell(noise, path());

  it('runs commands one after another in the same shell, with exit status, stdout and stderr apart', async () => {
    const { session, child } = shell('bashrc says hello\n');
    const a = await run(session, 'echo out; echo err >&2; exit 3');
    expect(a).toMatchObject({ exitCode: 3, stdout: Buffer.from('out\n'), stderr: Buffer.from('err\n') });
    expect(session.loop).toBe(kind);
    const b = await run(session, 'printf "%s" "$PPID"');
    expect(b.exitCode).toBe(0);
    // Still the first shell.
    expect(child.exitCode).toBe(null);
    expect(session.usable).toBe(true);
  });

  it('keeps binary output whole, boundary look-alikes and all', async () => {
    const { session } = shell();
    const bytes = Buffer.concat([Buffer.from('\x1etide-end:00:0\n\x1etide-shell-ready perl\n\x1etide-pid:1\n'), randomBytes(100_000), Buffer.from([0, 10, 255, 0x1e])]);
    const r = await run(session, 'cat', { stdin: bytes });
    expect(r.stdout.equals(bytes)).toBe(true);
    const e = await run(session, 'cat >&2', { stdin: bytes });
    expect(e.stderr.equals(bytes)).toBe(true);
    // A command that ends without a newline, and an empty one.
    expect((await run(session, 'printf x')).stdout.toString()).toBe('x');
    expect((await run(session, 'true')).stdout.length).toBe(0);
  });

  it('takes hostile stdin (what looks like a request, NULs, a lone header) as bytes for the command, and runs none of it', async () => {
    const { session } = shell();
    const marker = join(tmpdir(), `tide-hostile-${randomBytes(4).toString('hex')}`);
    const fake = `\x1etide-end:ff:${'\0'} 9 0\ntouch ${marker}\0-\0\x1etide-end:ff:\n#b\nb 12\ntouch ${marker}#b\n`;
    const r = await run(session, 'cat', { stdin: Buffer.concat([Buffer.from(fake), Buffer.from([0, 0, 10])]) });
    expect(r.stdout.toString('latin1')).toBe(`${fake}\0\0\n`);
    expect((await run(session, `test -e ${marker} && echo ran || echo not`)).stdout.toString()).toBe('not\n');
  });

  it('refuses a NUL in a command, a variable or the directory before anything runs', async () => {
    const { session } = shell();
    await expect(run(session, 'echo a\0b')).rejects.toThrow('the command holds a NUL byte');
    await expect(run(session, 'true', { env: { SECRET: 'a\0b' } })).rejects.toThrow('environment variable SECRET holds a NUL byte');
    await expect(run(session, 'true', { cwd: '/tmp\0x' })).rejects.toThrow('the working directory holds a NUL byte');
    expect((await run(session, 'echo fine')).stdout.toString()).toBe('fine\n');
  });

  it('refuses files a call cannot name, with more than read and write bits, or whose bytes are not in order inside the stdin', async () => {
    const { session } = shell();
    const file = { id: 'f1', op: 'new' as const, path: '/tmp/never', mode: 0o600, at: 0, length: 2 };
    const withFiles = (files: object[], stdin = 'abcd') =>
      session.run({ command: 'true', token: commandToken(), stdin, files: files as never, timeoutMs: 10_000 }, {});
    await expect(withFiles([{ ...file, id: 'a b' }])).rejects.toThrow('invalid or repeated file id');
    await expect(withFiles([file, { ...file, at: 2 }])).rejects.toThrow('invalid or repeated file id');
    await expect(withFiles([{ ...file, mode: 0o755 }])).rejects.toThrow('more than read and write bits');
    await expect(withFiles([{ ...file, at: 3 }])).rejects.toThrow('not in order inside the stdin');
    await expect(withFiles([{ ...file, at: 2 }, { ...file, id: 'f2', at: 0 }])).rejects.toThrow('not in order inside the stdin');
    await expect(withFiles([{ ...file, op: 'put' }])).rejects.toThrow('a put needs its temp file');
    expect((await run(session, 'echo fine')).stdout.toString()).toBe('fine\n');
  });

  it(`carries huge output (${kind === 'perl' ? 64 : 16} MiB) and streams it to onOutput as it comes`, async () => {
    // The sh loop relays with cat, whatever the size: a smaller test is as good and saves seconds.
    const size = (kind === 'perl' ? 64 : 16) * 1024 * 1024;
    const { session } = shell();
    let streamed = 0;
    let chunks = 0;
    const r = await run(session, `head -c ${size} /dev/zero | tr "\\0" a; echo done >&2`, {
      onOutput: (c, s) => {
        if (s === 'stdout') {
          streamed += c.length;
          chunks++;
        }
      },
    });
    expect(r.stdout.length).toBe(size);
    expect(streamed).toBe(size);
    expect(chunks).toBeGreaterThan(10);
    expect(r.stderr.toString()).toBe('done\n');
  });

  it('feeds stdin byte for byte with env and cwd, and EOF at once without', async () => {
    const { session } = shell();
    const data = randomBytes(300_000);
    const r = await run(session, 'printf "%s|%s|" "$V" "$(pwd)"; sha256sum', { stdin: data, env: { V: "a'b\n$x=y" }, cwd: '/tmp' });
    expect(r.stdout.toString()).toBe(`a'b\n$x=y|/tmp|${sha(data)}  -\n`);
    expect((await run(session, 'cat; echo eof')).stdout.toString()).toBe('eof\n');
    expect((await run(session, 'echo ran', { cwd: '/nonexistent-dir' })).exitCode).not.toBe(0);
  });

  it('feeds stdin to a command that prints a lot before it reads, and lives on when a command reads none', async () => {
    const { session } = shell();
    const data = randomBytes(900_000);
    // 1 MB out before reading: a loop that wrote all stdin first would block on the full pipe, as would the command.
    const r = await run(session, 'head -c 1000000 /dev/zero | tr "\\0" z; sha256sum >&2', { stdin: data });
    expect(r.stdout.length).toBe(1_000_000);
    expect(r.stderr.toString()).toBe(`${sha(data)}  -\n`);
    expect((await run(session, 'exit 4', { stdin: data })).exitCode).toBe(4);
    expect((await run(session, 'echo alive')).stdout.toString()).toBe('alive\n');
  });

  it('ends a command when its output is closed and it exited: a process it left behind with the output is waited for', async () => {
    const { session } = shell();
    const started = Date.now();
    const r = await run(session, '(sleep 0.4; echo late) & echo now');
    expect(r.stdout.toString()).toBe('now\nlate\n');
    expect(Date.now() - started).toBeGreaterThanOrEqual(350);
  });

  it('keeps env values (secrets) and stdin off every command line while the command runs', async () => {
    const { session } = shell();
    const secret = `s3cret-${randomBytes(8).toString('hex')}`;
    const probe = `probe-${randomBytes(4).toString('hex')}`;
    const seen = run(session, `sleep 1; printf "%s" "$PASSWORD" | wc -c # ${probe}`, { env: { PASSWORD: secret }, stdin: `stdin-${secret}` });
    // Every command line, until the command shows up in one (it runs then).
    let lines: string[] = [];
    for (const until = Date.now() + 5000; Date.now() < until && !lines.some((l) => l.includes(probe)); await new Promise((r) => setTimeout(r, 20))) {
      lines = commandLines();
      expect(lines.filter((l) => l.includes(secret))).toEqual([]);
    }
    expect(lines.some((l) => l.includes(probe))).toBe(true);
    expect((await seen).stdout.toString().trim()).toBe(String(secret.length));
  });

  it('gives each command TIDE_RUN and a process group of its own, not the shell’s', async () => {
    const { session, child } = shell();
    const tag = newRunTag();
    const r = await run(session, 'echo "$TIDE_RUN"; ps -o pgid= -p $$', { tag });
    const [token, pgid] = r.stdout.toString().trim().split(/\s+/);
    expect(token).toMatch(new RegExp(`^${tag}\\.[0-9a-f]{8}$`));
    expect(Number(pgid)).not.toBe(child.pid);
  });

  it('a timeout kills its command’s group and only it; the shell runs the next command', async () => {
    const { session, child } = shell();
    const started = Date.now();
    const error = await run(session, 'sleep 30 & sleep 30; echo never', { timeoutMs: 300, what: 'sleeping' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CommandTimeoutError);
    expect((error as Error).message).toBe('server local: sleeping timed out after 300 ms and was killed');
    expect(Date.now() - started).toBeLessThan(3000);
    expect(child.exitCode).toBe(null);
    expect((await run(session, 'echo again')).stdout.toString()).toBe('again\n');
  });

  it('a timeout spares another group of the same tag, and the shell', async () => {
    const { session: a } = shell();
    const { session: b } = shell();
    const tag = newRunTag();
    // A sleep no other test runs, to find it among the machine's processes.
    const nap = `30.${randomBytes(3).readUIntBE(0, 3)}`;
    const sibling = run(b, 'sleep 1.2; echo sibling', { tag, timeoutMs: 10_000 });
    const error = await run(a, `sleep ${nap}`, { tag, timeoutMs: 300 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CommandTimeoutError);
    await new Promise((r) => setTimeout(r, 100));
    expect(commandLines().some((l) => l === `sleep\0${nap}\0`)).toBe(false);
    expect((await sibling).stdout.toString()).toBe('sibling\n');
    expect((await run(a, 'echo a')).stdout.toString()).toBe('a\n');
  });

  it('a shell that dies fails its command with a clear error and takes no more', async () => {
    const { session, child } = shell();
    const running = run(session, 'sleep 2; echo late');
    setTimeout(() => process.kill(child.pid!, 'SIGKILL'), 200);
    const lost = await running.catch((e: unknown) => e);
    expect(lost).toBeInstanceOf(RemoteShellLostError);
    expect((lost as Error).message).toBe("server local: tide's shell on the server ended while running `sleep 2; echo late` (exit SIGKILL); the command's outcome is unknown");
    expect(session.usable).toBe(false);
    await expect(run(session, 'echo x')).rejects.toBeInstanceOf(RemoteShellLostError);
  });

  it('a command that kills the shell’s own processes fails clearly, not with a made-up status', async () => {
    const { session } = shell();
    // The command's parent: the perl loop itself, or the sh loop's subshell that reports its status.
    const lost = await run(session, 'kill -9 $PPID; sleep 0.2').catch((e: unknown) => e);
    const why = kind === 'perl' ? 'exit SIGKILL' : 'it returned no exit status';
    expect((lost as Error).message).toBe(`server local: tide's shell on the server ended while running \`kill -9 $PPID; sleep 0.2\` (${why}); the command's outcome is unknown`);
    expect(session.usable).toBe(false);
  });

  it('runs nothing from a request cut short or malformed', async () => {
    const marker = join(tmpdir(), `tide-cut-${randomBytes(4).toString('hex')}`);
    const requests = kind === 'perl'
      ? [`b 40 0\ntouch ${marker}\0-\0b`, `b 23 0\ntouch ${marker}\0-\0c`, `b x 0\ntouch ${marker}\n`, `b 100\ntouch ${marker}\n`]
      : [`b 100\ntouch ${marker}\n`, `b 14\ntouch ${marker}\n#c`];
    for (const request of requests) {
      const child = spawn('sh', ['-c', SHELL_COMMAND], { stdio: 'pipe', env: path() === undefined ? process.env : { ...process.env, PATH: path() } });
      children.push(child);
      let out = '';
      child.stdout.on('data', (c: Buffer) => (out += c.toString()));
      child.stdin.end(request);
      const code = await new Promise((r) => child.on('close', r));
      expect(code).toBe(125);
      expect(out).toBe(`\x1etide-shell-ready ${kind}\n`);
    }
    expect(commandLines().length).toBeGreaterThan(0);
    expect(() => readFileSync(marker)).toThrow(/ENOENT/);
  });
});

describe('which loop a shell runs', () => {
  it('is perl where perl runs, sh where there is no perl, a perl that runs nothing or one without the loop\'s modules', async () => {
    const kinds: (ShellLoopKind | undefined)[] = [];
    for (const path of [undefined, pathWithout(), pathWithout('broken'), pathWithout('no-fcntl')]) {
      const { session } = localShell('', path);
      expect((await run(session, 'echo ok')).stdout.toString()).toBe('ok\n');
      kinds.push(session.loop);
    }
    expect(kinds).toEqual(['perl', 'sh', 'sh', 'sh']);
  });

  it('is what server verify records: the perl version, or none', () => {
    const version = (path?: string) => execFileSync('sh', ['-c', PERL_VERSION_COMMAND], { env: { ...process.env, ...(path ? { PATH: path } : {}) } }).toString().trim();
    expect(version()).toBe(execFileSync('perl', ['-e', 'printf "%vd", $^V']).toString());
    expect(version()).toMatch(/^5\.\d+\.\d+$/);
    expect(version(pathWithout())).toBe(PERL_NONE);
    expect(version(pathWithout('broken'))).toBe(PERL_NONE);
    expect(version(pathWithout('no-fcntl'))).toBe(PERL_NONE);
  });
});
