// The executor's promises: dependency order, concurrency limits (total and
// per server), a failure that stops only its dependants, and a parked
// operation's slot handed to the next one.

import { describe, expect, it } from 'vitest';
import { execute } from '../../src/apply/executor.js';
import type { Operation } from '../../src/model/plan.js';

function op(id: string, server: string, dependsOn: string[] = [], blocked = false): Operation {
  return {
    id, action: 'install', target: { kind: 'site', name: id }, server, reason: 'test', changes: [], dependsOn,
    blockers: blocked ? [{ code: 'test', message: 'blocked for the test' }] : [], warnings: [], destructive: false,
  };
}

const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('execute', () => {
  it('never runs more than perServer on one server nor total at once', async () => {
    const ops = [...Array.from({ length: 10 }, (_, i) => op(`a${i}`, 'web1')), ...Array.from({ length: 10 }, (_, i) => op(`b${i}`, 'web2'))];
    const running = new Map<string, number>();
    let total = 0;
    let maxTotal = 0;
    const maxPer = new Map<string, number>();
    const results = await execute(ops, {
      concurrency: { total: 3, perServer: 2 },
      async run(o) {
        total++;
        running.set(o.server, (running.get(o.server) ?? 0) + 1);
        maxTotal = Math.max(maxTotal, total);
        maxPer.set(o.server, Math.max(maxPer.get(o.server) ?? 0, running.get(o.server)!));
        await tick(5);
        total--;
        running.set(o.server, running.get(o.server)! - 1);
        return { status: 'ok' };
      },
    });
    expect(results.every((r) => r.status === 'ok')).toBe(true);
    expect(maxTotal).toBe(3);
    expect(maxPer.get('web1')).toBe(2);
    expect(maxPer.get('web2')).toBeLessThanOrEqual(2);
  });

  it('starts an operation only after its dependencies succeeded', async () => {
    const order: string[] = [];
    await execute([op('deploy', 'web1'), op('install', 'web1', ['deploy'])], {
      concurrency: { total: 8, perServer: 8 },
      async run(o) {
        order.push(`start ${o.id}`);
        await tick(5);
        order.push(`end ${o.id}`);
        return { status: 'ok' };
      },
    });
    expect(order).toEqual(['start deploy', 'end deploy', 'start install', 'end install']);
  });

  it('skips the dependants of a failed or blocked operation and goes on with the rest', async () => {
    const ran: string[] = [];
    const results = await execute([
      op('verify-web1', 'web1'), op('site-a', 'web1', ['verify-web1']), op('site-a-enable', 'web1', ['site-a']),
      op('site-b', 'web2'), op('blocked', 'web2', [], true), op('after-blocked', 'web2', ['blocked']),
    ], {
      concurrency: { total: 8, perServer: 2 },
      async run(o) {
        ran.push(o.id);
        return o.id === 'verify-web1' ? { status: 'rolled-back', message: 'host key mismatch' } : { status: 'ok' };
      },
    });
    const status = Object.fromEntries(results.map((r) => [r.op.id, r.status]));
    expect(status).toEqual({
      'verify-web1': 'rolled-back', 'site-a': 'skipped', 'site-a-enable': 'skipped',
      'site-b': 'ok', blocked: 'skipped', 'after-blocked': 'skipped',
    });
    expect(ran.sort()).toEqual(['site-b', 'verify-web1']);
    expect(results.find((r) => r.op.id === 'site-a')!.message).toBe('verify-web1 did not succeed');
    expect(results.find((r) => r.op.id === 'blocked')!.message).toBe('blocked: blocked for the test');
  });

  it('turns an exception from run into a failed result', async () => {
    const [result] = await execute([op('x', 'web1')], {
      concurrency: { total: 1, perServer: 1 },
      run: async () => { throw new Error('state branch moved'); },
    });
    expect(result).toMatchObject({ status: 'failed', message: 'state branch moved' });
  });

  it('a parked operation frees its slot: the next one starts at once; a command of its own afterwards waits for a slot, before any new operation', async () => {
    const events: string[] = [];
    let release!: () => void;
    const released = new Promise<void>((r) => (release = r));
    let bStarted!: () => void;
    const bRunning = new Promise<void>((r) => (bStarted = r));
    const seen: Record<string, number> = {};
    const results = await execute([op('a', 'web1'), op('b', 'web1'), op('c', 'web1')], {
      concurrency: { total: 1, perServer: 1 },
      async run(o, slot) {
        events.push(`start ${o.id}`);
        if (o.id === 'a') {
          seen.beforePark = slot.activity.active('web1');
          await slot.parked(async () => {
            seen.parked = slot.activity.active('web1'); // b already started in a's place
            await bRunning;
            await slot.working(); // a command of its batch, run for it while parked: no slot needed
            seen.whileBRuns = slot.activity.active('web1');
          });
          release();
          // Back while b still runs: no slot taken yet, the limit of 1 holds.
          seen.resumed = slot.activity.active('web1');
          events.push('a resumed');
          await slot.working(); // an undo's command: waits for b to end, and goes before c
          events.push('a works');
          seen.working = slot.activity.active('web1');
        }
        if (o.id === 'b') {
          bStarted();
          await released;
          await tick(5);
        }
        events.push(`end ${o.id}`);
        return { status: 'ok' };
      },
    });
    expect(results.map((r) => r.status)).toEqual(['ok', 'ok', 'ok']);
    expect(events).toEqual(['start a', 'start b', 'a resumed', 'end b', 'a works', 'end a', 'start c', 'end c']);
    expect(seen).toEqual({ beforePark: 1, parked: 1, whileBRuns: 1, resumed: 1, working: 1 });
  });

  it('an operation that parked and runs no command again ends without taking a slot', async () => {
    const most = { web1: 0 };
    let now = 0;
    const results = await execute([op('a', 'web1'), op('b', 'web1'), op('c', 'web1')], {
      concurrency: { total: 1, perServer: 1 },
      async run(o, slot) {
        now++;
        await slot.parked(() => tick(10));
        most.web1 = Math.max(most.web1, slot.activity.active('web1'));
        await tick(5); // its record: no command, no slot
        now--;
        return { status: 'ok' };
      },
    });
    expect(results.map((r) => r.status)).toEqual(['ok', 'ok', 'ok']);
    expect(most.web1).toBe(0);
    expect(now).toBe(0);
  });

  it('the dependants of a parked operation wait for it to end (a parked operation is still running)', async () => {
    const order: string[] = [];
    const results = await execute([op('deploy', 'web1'), op('install', 'web1', ['deploy'])], {
      concurrency: { total: 1, perServer: 1 },
      async run(o, slot) {
        order.push(`start ${o.id}`);
        if (o.id === 'deploy') await slot.parked(() => tick(20));
        order.push(`end ${o.id}`);
        return { status: 'ok' };
      },
    });
    expect(results.map((r) => r.status)).toEqual(['ok', 'ok']);
    expect(order).toEqual(['start deploy', 'end deploy', 'start install', 'end install']);
  });

  it('counts per server the operations running unparked, and signals each change', async () => {
    const counts: number[] = [];
    await execute([op('a', 'web1'), op('b', 'web2')], {
      concurrency: { total: 2, perServer: 1 },
      async run(o, slot) {
        if (o.id === 'b') return tick(30).then(() => ({ status: 'ok' as const }));
        await tick(1);
        const changed = slot.activity.changed();
        counts.push(slot.activity.active('web1'), slot.activity.active('web2'));
        await slot.parked(async () => {
          await changed; // a parked: web1 went down
          counts.push(slot.activity.active('web1'));
          // Nested waits hand the slot back only once.
          await slot.parked(() => tick(1));
          counts.push(slot.activity.active('web1'));
        });
        counts.push(slot.activity.active('web1'));
        await slot.working();
        counts.push(slot.activity.active('web1'));
        return { status: 'ok' };
      },
    });
    expect(counts).toEqual([1, 1, 0, 0, 0, 1]);
  });
});
