// Run tags and the reaper, on this machine (the local transport): every
// process a command starts carries its run's tag, and reapRun kills those
// groups, and only those, even when they ignore SIGTERM.

import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validatorFor } from '../../src/model/schemas.js';
import { LocalTransport } from '../../src/transport/local.js';
import { isRunTag, newRunTag, reapCommand, reapRun } from '../../src/transport/run-tag.js';

const t = new LocalTransport('local1');
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tide-reap-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Running (a zombie is dead: this container's init may not reap orphans). */
const alive = (pid: number): boolean => {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
};

describe('run tags', () => {
  it('are put in the environment of every command and of what it starts', async () => {
    const tag = newRunTag();
    const r = await t.exec('echo "$TIDE_RUN"; sh -c \'echo "$TIDE_RUN"\'', { tag });
    const [own, child] = r.stdout.trim().split('\n');
    expect(own).toMatch(new RegExp(`^${tag}\\.[0-9a-f]{8}$`));
    expect(child).toBe(own);
    // Without a run, each command still gets a tag of its own.
    expect((await t.exec('echo "$TIDE_RUN"')).stdout.trim()).toMatch(/^t[0-9a-f]{16}\.[0-9a-f]{8}$/);
  });

  it('never lets a forged tag reach the reaper as a pattern', () => {
    expect(isRunTag(newRunTag())).toBe(true);
    for (const forged of ['', '.*', 't0123', "t0123456789abcdef' ; rm -rf / '", 'T0123456789ABCDEF']) {
      expect(isRunTag(forged)).toBe(false);
      expect(() => reapCommand(forged, 100)).toThrow(/invalid run tag/);
    }
    // Read back from the state branch, a marker's run must pass its schema.
    const marker = validatorFor('state-running.schema.json');
    const record = 'operations/2026-11/20261129T080000Z-ab12-install-site-a.example.com.json';
    expect(marker({ record, run: { tag: newRunTag(), servers: ['web1'] } })).toBe(true);
    expect(marker({ record, run: { tag: '.*', servers: ['web1'] } })).toBe(false);
    expect(marker({ record, run: { tag: 't0123456789abcdef', servers: ['../x'] } })).toBe(false);
  });
});

describe('reapRun', () => {
  it('kills the groups its run left behind, SIGKILL for those that ignore SIGTERM, and leaves other runs alone', async () => {
    const tag = newRunTag();
    const other = newRunTag();
    const late = join(dir, 'late');
    const stubborn = await t.exec(`(trap "" TERM; sleep 30; touch ${late}) >/dev/null 2>&1 & echo $!`, { tag });
    const bystander = await t.exec('sleep 30 >/dev/null 2>&1 & echo $!', { tag: other });
    const [pid, otherPid] = [stubborn, bystander].map((r) => Number(r.stdout.trim()));
    expect(alive(pid!)).toBe(true);

    const killed = await reapRun(t, tag, { graceMs: 300 });
    expect(killed).toHaveLength(1);
    expect(alive(pid!)).toBe(false);
    expect(alive(otherPid!)).toBe(true);
    expect(existsSync(late)).toBe(false);
    // Nothing left: a second reap finds nothing.
    expect(await reapRun(t, tag)).toEqual([]);

    expect(await reapRun(t, other)).toHaveLength(1);
    expect(alive(otherPid!)).toBe(false);
  });

  it('a timeout kills its own command’s group and no other', async () => {
    const tag = newRunTag();
    const [timedOut, sibling] = await Promise.allSettled([
      t.exec('sleep 30', { tag, timeoutMs: 300 }),
      t.exec('sleep 1; echo finished', { tag, timeoutMs: 20_000 }),
    ]);
    expect(timedOut.status).toBe('rejected');
    expect((timedOut as PromiseRejectedResult).reason).toMatchObject({ code: 'COMMAND_TIMEOUT' });
    expect(sibling).toMatchObject({ status: 'fulfilled', value: { exitCode: 0, stdout: 'finished\n' } });
  });
});
