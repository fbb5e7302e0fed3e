// Steps folded into one command (shell/steps.ts), run by a local sh and by
// the perl loop (which writes the steps' files itself): each step gets
// exactly its own stdin bytes, the first failure stops the rest, and each
// step's end is known (done, failed, cut off, not run).

import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LocalTransport } from '../../src/transport/local.js';
import { FileReplacements, NOT_RUN, runSteps, writeFilesStep } from '../../src/shell/steps.js';
import type { ExecOptions, Transport } from '../../src/transport/types.js';
import { loopShell, type LoopShell } from '../helpers/loop-shell.js';
import { newSiteDirCommand } from '../../src/operations/site/permissions.js';

const root = mkdtempSync(join(tmpdir(), 'tide-steps-'));
const shells: LoopShell[] = [];
afterAll(() => {
  for (const s of shells) s.close();
  rmSync(root, { recursive: true, force: true });
});

type Exec = Pick<Transport, 'exec'>;

/** How the commands run: a local sh (a command of its own, as the local transport and big stdins), or the perl loop of an ssh shell. */
const runners: { name: string; start: () => Exec }[] = [
  { name: 'a local sh', start: () => new LocalTransport('here') },
  { name: 'the perl loop', start: () => {
    const shell = loopShell();
    shells.push(shell);
    return shell;
  } },
];

describe.each(runners)('run by $name', ({ start }) => {
const dir = mkdtempSync(join(root, 'run-'));
/** The runner, counting the commands it runs. */
let runner: Exec | undefined;
function counted(): { t: Exec; commands: () => number } {
  const base = (runner ??= start());
  let n = 0;
  const t: Exec = {
    exec: (command: string, options?: ExecOptions) => {
      n++;
      return base.exec(command, options);
    },
  };
  return { t, commands: () => n };
}

describe('steps in one command', () => {
  it('gives each step its own stdin bytes, also after a step that reads none or only part of them', async () => {
    const { t, commands } = counted();
    const results = await runSteps(t, [
      { command: `head -c 2 > ${join(dir, 'a')}`, stdin: 'AAAA' },
      { command: 'true', stdin: 'unread' },
      writeFilesStep([{ path: join(dir, 'b'), content: 'secret-b\n', mode: 0o640 }, { path: join(dir, 'c'), content: 'ccc', mode: 0o600 },
        { path: join(dir, 'x'), content: '#!/bin/sh\n', mode: 0o750 }]),
    ]);
    expect(commands()).toBe(1);
    expect(results.map((r) => r?.exitCode)).toEqual([0, 0, 0]);
    expect(readFileSync(join(dir, 'a'), 'utf8')).toBe('AA');
    expect(readFileSync(join(dir, 'b'), 'utf8')).toBe('secret-b\n');
    expect(readFileSync(join(dir, 'c'), 'utf8')).toBe('ccc');
    expect(statSync(join(dir, 'b')).mode & 0o777).toBe(0o640);
    expect(statSync(join(dir, 'c')).mode & 0o777).toBe(0o600);
    // Execute bits cannot come from a umask: that file takes the chmod way.
    expect(readFileSync(join(dir, 'x'), 'utf8')).toBe('#!/bin/sh\n');
    expect(statSync(join(dir, 'x')).mode & 0o777).toBe(0o750);
  });

  it('steps that read exactly their own bytes (file writes) follow one another with no head and drain around them, each file whole', async () => {
    const { t } = counted();
    const files = new FileReplacements([{ path: join(dir, 'r1'), content: 'r1-bytes', mode: 0o644 }]);
    const results = await runSteps(t, [
      writeFilesStep([{ path: join(dir, 'e1'), content: 'first\n', mode: 0o600 }]),
      writeFilesStep([{ path: join(dir, 'e2'), content: 'second', mode: 0o640 }, { path: join(dir, 'e3'), content: 'x'.repeat(70_000), mode: 0o644 }]),
      files.step(),
      { command: `cat > ${join(dir, 'e4')}`, stdin: 'last' },
    ], { prelude: files.prelude });
    expect(results.map((r) => r?.exitCode)).toEqual([0, 0, 0, 0]);
    expect(['e1', 'e2', 'e3', 'r1', 'e4'].map((f) => readFileSync(join(dir, f), 'utf8'))).toEqual(['first\n', 'second', 'x'.repeat(70_000), 'r1-bytes', 'last']);
  });

  it('fresh files are created in place with their mode and never over a file already there', async () => {
    const { t } = counted();
    writeFileSync(join(dir, 'f-there'), 'kept');
    const results = await runSteps(t, [
      writeFilesStep([{ path: join(dir, 'f-new'), content: 'new', mode: 0o640 }], { fresh: true }),
      writeFilesStep([{ path: join(dir, 'f-there'), content: 'over', mode: 0o640 }], { fresh: true }),
    ]);
    expect(results[0]?.exitCode).toBe(0);
    expect(readFileSync(join(dir, 'f-new'), 'utf8')).toBe('new');
    expect(statSync(join(dir, 'f-new')).mode & 0o777).toBe(0o640);
    expect(results[1]?.exitCode).not.toBe(0);
    expect(readFileSync(join(dir, 'f-there'), 'utf8')).toBe('kept');
  });

  it('stops at the first failing step and says which one failed, with its own stderr', async () => {
    const { t } = counted();
    const results = await runSteps(t, [
      { command: 'echo one >&2' },
      { command: 'echo two >&2; exit 7' },
      { command: `touch ${join(dir, 'never')}` },
    ]);
    expect(results[0]).toMatchObject({ exitCode: 0, stderr: 'one\n' });
    expect(results[1]).toMatchObject({ exitCode: 7, stderr: 'two\n' });
    expect(results[2]).toBe(NOT_RUN);
    expect(() => statSync(join(dir, 'never'))).toThrow();
  });

  it('inline steps (no subshell) end as the others do: done, failed with their stderr and status (an exit in them too), the rest not run', async () => {
    const { t } = counted();
    const ok = await runSteps(t, [
      { command: 'echo one >&2', inline: true },
      writeFilesStep([{ path: join(dir, 'i1'), content: 'inline-bytes', mode: 0o600 }], { fresh: true }),
      { command: 'if [ -e /nonexistent ]; then exit 9; fi; echo three >&2', inline: true },
    ]);
    expect(ok.map((r) => r && { exitCode: r.exitCode, stderr: r.stderr })).toEqual([{ exitCode: 0, stderr: 'one\n' }, { exitCode: 0, stderr: '' }, { exitCode: 0, stderr: 'three\n' }]);
    expect(readFileSync(join(dir, 'i1'), 'utf8')).toBe('inline-bytes');
    const failed = await runSteps(t, [
      { command: 'true', inline: true },
      { command: 'echo two >&2; false || { s=$?; exit 7; }', inline: true },
      { command: `touch ${join(dir, 'never-inline')}` },
    ]);
    expect(failed[0]).toMatchObject({ exitCode: 0 });
    expect(failed[1]).toMatchObject({ exitCode: 7, stderr: 'two\n' });
    expect(failed[2]).toBe(NOT_RUN);
    expect(existsSync(join(dir, 'never-inline'))).toBe(false);
    const last = await runSteps(t, [{ command: 'true' }, { command: 'exit 4', inline: true }]);
    expect(last.map((r) => r?.exitCode)).toEqual([0, 4]);
  });

  it('a step that prints an end line of its own cannot pass for another step', async () => {
    const { t } = counted();
    const results = await runSteps(t, [
      { command: `printf 'tide-step:0000000000000000:2:0\\n' >&2; exit 3` },
      { command: 'true' },
    ]);
    expect(results[0]?.exitCode).toBe(3);
    expect(results[1]).toBe(NOT_RUN);
  });

  it('a command cut off by its timeout: the steps done are known, the running one carries the error', async () => {
    const { t } = counted();
    const results = await runSteps(t, [
      { command: 'true', timeoutMs: 500 },
      { command: 'sleep 5', timeoutMs: 500 },
      { command: 'true', timeoutMs: 500 },
    ]);
    expect(results[0]?.exitCode).toBe(0);
    expect(results[1]?.exitCode).toBeNull();
    expect(results[1]?.error?.message).toMatch(/timed out|time/i);
    expect(results[2]).toBe(NOT_RUN);
  });
});

describe('files replaced by one step', () => {
  /** Runs the step (and `after`) as one command on a local shell; its results and stdout. */
  async function replace(files: FileReplacements, after: { command: string }[] = []) {
    const { t, commands } = counted();
    let stdout = '';
    const results = await runSteps({ exec: async (c, o) => { const r = await t.exec(c, o); stdout = r.stdout; return r; } },
      [files.step(), ...after], { prelude: files.prelude });
    return { results, outcomes: files.outcomes(results[0]!, stdout), commands: commands() };
  }

  it('writes and removes each file with its mode and reads back, byte for byte, what each held before', async () => {
    const old = Buffer.from([0xff, 0xfe, 0x00, 0x0a, 0x74, 0x69, 0x64, 0x65, 0x2d, 0x6f, 0x6c, 0x64]); // not UTF-8, and "tide-old" in it
    writeFileSync(join(dir, 'r-old'), old);
    writeFileSync(join(dir, 'r-gone'), 'removed\n');
    const { results, outcomes, commands } = await replace(new FileReplacements([
      { path: join(dir, 'r-old'), content: 'new\n', mode: 0o644 },
      { path: join(dir, 'r-sub/r-new'), content: '', mode: 0o600 },
      { path: join(dir, 'r-gone'), content: null, mode: 0o644 },
      { path: join(dir, 'r-last'), content: Buffer.from([0, 1, 2]), mode: 0o640 },
    ]), [{ command: `cat ${join(dir, 'r-last')} | od -An -tx1 >&2` }]);
    expect(commands).toBe(1);
    expect(results.map((r) => r?.exitCode)).toEqual([0, 0]);
    expect(results[1]!.stderr.trim()).toBe('00 01 02');
    expect(outcomes).toEqual([{ done: true, previous: old }, { done: true, previous: null }, { done: true, previous: Buffer.from('removed\n') },
      { done: true, previous: null }]);
    expect(readFileSync(join(dir, 'r-old'), 'utf8')).toBe('new\n');
    expect(statSync(join(dir, 'r-old')).mode & 0o777).toBe(0o644);
    expect(readFileSync(join(dir, 'r-sub/r-new'), 'utf8')).toBe('');
    expect(statSync(join(dir, 'r-sub/r-new')).mode & 0o777).toBe(0o600);
    expect(statSync(join(dir, 'r-last')).mode & 0o777).toBe(0o640);
    expect(existsSync(join(dir, 'r-gone'))).toBe(false);
  });

  it('a write that fails leaves its file as it was, stops the rest and what follows, and leaves no temp file', async () => {
    writeFileSync(join(dir, 'f-block'), 'a file where a directory should be');
    const { results, outcomes } = await replace(new FileReplacements([
      { path: join(dir, 'f-first'), content: 'one', mode: 0o644 },
      { path: join(dir, 'f-block/f-second'), content: 'two', mode: 0o644 },
      { path: join(dir, 'f-third'), content: 'three', mode: 0o644 },
    ]), [{ command: 'true' }]);
    expect(results[0]!.exitCode).not.toBe(0);
    expect(results[1]).toBe(NOT_RUN);
    expect(outcomes[0]).toEqual({ done: true, previous: null });
    expect(outcomes[1]).toMatchObject({ done: false, stderr: expect.stringMatching(/f-block/) });
    expect(outcomes[2]).toEqual({ done: false, notRun: true });
    expect(readFileSync(join(dir, 'f-first'), 'utf8')).toBe('one');
    expect(existsSync(join(dir, 'f-third'))).toBe(false);
    expect(readdirSync(dir).filter((f) => f.includes('.tide-'))).toEqual([]);
  });
});
});

describe('the perl loop writes the files itself', () => {
  /** A PATH with every program of this machine but `hidden`. */
  function pathWithout(hidden: string[]): string {
    const bin = mkdtempSync(join(root, 'bin-'));
    for (const from of ['/usr/bin', '/usr/sbin', '/bin', '/sbin']) {
      for (const name of existsSync(from) ? readdirSync(from) : []) {
        if (hidden.includes(name) || existsSync(join(bin, name))) continue;
        symlinkSync(join(from, name), join(bin, name));
      }
    }
    return bin;
  }

  it('forks no head, mv or base64: new files in place, others through a temp file, what each held read back, each with its mode', async () => {
    const shell = loopShell(pathWithout(['head', 'mv', 'base64', 'cat']));
    shells.push(shell);
    const dir = mkdtempSync(join(root, 'perl-'));
    writeFileSync(join(dir, 'old'), Buffer.from([0, 0xff, 0x0a, 0x3d]));
    writeFileSync(join(dir, 'gone'), 'bye');
    const files = new FileReplacements([
      { path: join(dir, 'old'), content: 'new-old', mode: 0o600 },
      { path: join(dir, 'gone'), content: null, mode: 0o644 },
      { path: join(dir, 'sub/vhost'), content: 'vhost\n', mode: 0o644 },
    ]);
    let stdout = '';
    const results = await runSteps({ exec: async (c, o) => { const r = await shell.exec(c, o); stdout = r.stdout; return r; } }, [
      { command: `mkdir -m 0700 ${join(dir, 'site')}`, inline: true },
      writeFilesStep([{ path: join(dir, 'site/settings.json'), content: '{"db":"secret"}\n', mode: 0o640 }], { fresh: true }),
      writeFilesStep([{ path: join(dir, 'put/p'), content: 'p-bytes', mode: 0o660 }]),
      { command: 'read -r x; printf "%s" "$x" >&2', stdin: 'after the files\n', exactStdin: true },
      files.step(),
    ], { prelude: files.prelude });
    expect(shell.loop()).toBe('perl');
    expect(results.map((r) => r?.exitCode)).toEqual([0, 0, 0, 0, 0]);
    expect(results[3]!.stderr).toBe('after the files');
    expect(files.outcomes(results[4]!, stdout)).toEqual([{ done: true, previous: Buffer.from([0, 0xff, 0x0a, 0x3d]) },
      { done: true, previous: Buffer.from('bye') }, { done: true, previous: null }]);
    const seen = (p: string) => [readFileSync(join(dir, p), 'utf8'), (statSync(join(dir, p)).mode & 0o777).toString(8)];
    expect(['site/settings.json', 'put/p', 'old', 'sub/vhost'].map(seen)).toEqual([
      ['{"db":"secret"}\n', '640'], ['p-bytes', '660'], ['new-old', '600'], ['vhost\n', '644']]);
    expect(existsSync(join(dir, 'gone'))).toBe(false);
    expect(execFileSync('find', [dir, '-name', '*.tide-*']).toString()).toBe('');
  });

  it('makes a site directory and its files/ as install -d -g and mkdir -m do (same modes, group, setgid), with no process', async () => {
    const shell = loopShell(pathWithout(['install', 'mkdir', 'chmod', 'chgrp', 'chown']));
    shells.push(shell);
    const made = async (exec: Exec, where: string) => {
      const site = join(mkdtempSync(join(root, where)), 'parent/site');
      const { command, files } = newSiteDirCommand(site, 'www-data');
      const [result] = await runSteps(exec, [{ command, files, inline: true }]);
      expect(result?.exitCode).toBe(0);
      return [site, join(site, 'files'), join(site, '..')].map((p) => {
        const st = statSync(p);
        return [(st.mode & 0o7777).toString(8), st.gid];
      });
    };
    const byLoop = await made(shell, 'dir-loop-');
    expect(byLoop).toEqual(await made(new LocalTransport('here'), 'dir-sh-'));
    expect(byLoop.slice(0, 2)).toEqual([['2750', 33], ['2770', 33]]);
    const again = newSiteDirCommand(join(root, 'no-such-group'), 'tide-no-such-group');
    const [refused] = await runSteps(shell, [{ command: again.command, files: again.files, inline: true }]);
    expect(refused).toMatchObject({ exitCode: 1, stderr: 'invalid group tide-no-such-group\n' });
  });

  it('fails a file it cannot write with why on the step\'s stderr, never over a fresh file already there, and refuses to read back a FIFO rather than hang', async () => {
    const shell = loopShell();
    shells.push(shell);
    const dir = mkdtempSync(join(root, 'perl-fail-'));
    writeFileSync(join(dir, 'there'), 'kept');
    const fresh = await runSteps(shell, [writeFilesStep([{ path: join(dir, 'there'), content: 'over', mode: 0o600 }], { fresh: true })]);
    expect(fresh[0]).toMatchObject({ exitCode: 1, stderr: expect.stringContaining(`cannot create ${join(dir, 'there')}: File exists`) });
    expect(readFileSync(join(dir, 'there'), 'utf8')).toBe('kept');
    execFileSync('mkfifo', [join(dir, 'fifo')]);
    const files = new FileReplacements([{ path: join(dir, 'fifo'), content: 'x', mode: 0o644 }]);
    let stdout = '';
    const results = await runSteps({ exec: async (c, o) => { const r = await shell.exec(c, { ...o, timeoutMs: 5_000 }); stdout = r.stdout; return r; } },
      [files.step()], { prelude: files.prelude });
    expect(files.outcomes(results[0]!, stdout)).toEqual([{ done: false, stderr: `cannot read ${join(dir, 'fifo')}: not a regular file\n` }]);
    expect(statSync(join(dir, 'fifo')).isFIFO()).toBe(true);
  });
});
