// orderOperations: the order apply runs a plan in, and the blockers it passes down.

import { describe, expect, it } from 'vitest';
import type { Operation } from '../../src/model/plan.js';
import { orderOperations } from '../../src/plan/order.js';
import { op } from '../helpers/plan-objects.js';

function server(name: string): Operation {
  return { ...op('verify', name), id: `server/${name}/verify`, target: { kind: 'server', name }, server: name };
}

function deploy(platform: string, on: string): Operation {
  return { ...op('deploy', platform), id: `platform/${platform}/deploy@${on}`, target: { kind: 'platform', name: platform }, server: on };
}

describe('orderOperations', () => {
  it('runs servers, platforms, then sites by name, each after what it waits for, its waits listed in that order', () => {
    const web = server('web1');
    const notes = deploy('notes', 'web1');
    const b = op('install', 'b.test', { dependsOn: [notes.id, web.id] });
    const a = op('install', 'a.test', { dependsOn: [web.id, notes.id] });
    const rename = op('rename', 'a.test', { dependsOn: [b.id] });
    const ordered = orderOperations([rename, b, a, notes, web]);
    expect(ordered.map((o) => o.id)).toEqual([web.id, notes.id, a.id, b.id, rename.id]);
    expect(b.dependsOn).toEqual([web.id, notes.id]);
    expect(a.dependsOn).toEqual([web.id, notes.id]);
  });

  it('blocks what waits for a blocked operation, and what waits in a cycle', () => {
    const web = { ...server('web1'), blockers: [{ code: 'unreachable', message: 'no route' }] };
    const a = op('install', 'a.test', { dependsOn: [web.id] });
    const x = op('rename', 'x.test', { dependsOn: ['site/y.test/rename@web1'] });
    const y = op('rename', 'y.test', { dependsOn: [x.id] });
    const ordered = orderOperations([y, x, a, web]);
    expect(ordered.map((o) => o.id)).toEqual([web.id, a.id, x.id, y.id]);
    expect(a.blockers).toEqual([{ code: 'dependency-blocked', message: `waits for ${web.id}, which is blocked` }]);
    expect(x.blockers[0]?.code).toBe('dependency-cycle');
    expect(y.blockers[0]?.message).toContain(x.id);
  });
});
