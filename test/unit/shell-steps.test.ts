// Steps folded into one command (shell/steps.ts), run by a local sh: each
// step gets exactly its own stdin bytes, the first failure stops the rest,
// and each step's end is known (done, failed, cut off, not run).

import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LocalTransport } from '../../src/transport/local.js';
import { NOT_RUN, runSteps, writeFilesStep } from '../../src/shell/steps.js';
import type { ExecOptions, Transport } from '../../src/transport/types.js';

const dir = mkdtempSync(join(tmpdir(), 'tide-steps-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The local transport, counting the commands it runs. */
function counted(): { t: Transport; commands: () => number } {
  const local = new LocalTransport('here');
  let n = 0;
  const exec = local.exec.bind(local);
  local.exec = (command: string, options?: ExecOptions) => {
    n++;
    return exec(command, options);
  };
  return { t: local, commands: () => n };
}

describe('steps in one command', () => {
  it('gives each step its own stdin bytes, also after a step that reads none or only part of them', async () => {
    const { t, commands } = counted();
    const results = await runSteps(t, [
      { command: `head -c 2 > ${join(dir, 'a')}`, stdin: 'AAAA' },
      { command: 'true', stdin: 'unread' },
      writeFilesStep([{ path: join(dir, 'b'), content: 'secret-b\n', mode: 0o640 }, { path: join(dir, 'c'), content: 'ccc', mode: 0o600 }]),
    ]);
    expect(commands()).toBe(1);
    expect(results.map((r) => r?.exitCode)).toEqual([0, 0, 0]);
    expect(readFileSync(join(dir, 'a'), 'utf8')).toBe('AA');
    expect(readFileSync(join(dir, 'b'), 'utf8')).toBe('secret-b\n');
    expect(readFileSync(join(dir, 'c'), 'utf8')).toBe('ccc');
    expect(statSync(join(dir, 'b')).mode & 0o777).toBe(0o640);
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
