// The executor's promises: dependency order, concurrency limits (total and
// per server), and a failure that stops only its dependants.

import { describe, expect, it } from 'vitest';
import { execute } from '../../src/apply/executor.js';
import type { Operation } from '../../src/plan/types.js';

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
});
