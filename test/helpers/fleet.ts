// Test harness: fleets written as YAML (as users write them), loaded by the
// real loader, and recorded states built as if a plan had been applied.

import { loadFleet } from '../../src/model/loader.js';
import type { DesiredState } from '../../src/model/kinds.js';
import type { FleetFile } from '../../src/repo/files.js';
import { platformSpec, serverSpec, siteSpec } from '../../src/state/spec.js';
import { emptyRecordedState, type RecordedState } from '../../src/state/types.js';
import { plan } from '../../src/plan/planner.js';
import type { Plan } from '../../src/model/plan.js';

export function files(entries: Record<string, string>): FleetFile[] {
  return Object.entries(entries).map(([path, text]) => ({ path, text: dedent(text) }));
}

export function load(entries: Record<string, string>): DesiredState {
  return loadFleet({ files: files(entries), commit: null, origin: 'test' }, { defaultName: 'test' });
}

/** The recorded state after a successful apply of `desired`, using `placement` of the plan. */
export function appliedState(desired: DesiredState): RecordedState {
  const state = emptyRecordedState(desired.fleet.state.branch);
  state.commit = 'f'.repeat(40);
  const first = plan(desired, emptyRecordedState(desired.fleet.state.branch));
  const placed = new Map(first.operations.filter((o) => o.target.kind === 'site').map((o) => [o.target.name, o.server]));
  for (const s of desired.servers.values()) state.servers.set(s.name, { formatVersion: 1, name: s.name, ...serverSpec(s) });
  for (const p of desired.platforms.values()) {
    state.platforms.set(p.name, {
      formatVersion: 1, name: p.name, ...platformSpec(p),
      deployments: Object.fromEntries(p.servers.map((s) => [s, {}])),
    });
  }
  for (const site of desired.sites.values()) {
    if (site.status === 'deleted') continue;
    const { status, ...spec } = siteSpec(site, placed.get(site.name)!);
    state.sites.set(site.name, { formatVersion: 1, name: site.name, ...spec, status, generation: 1 });
  }
  return state;
}

export function ops(p: Plan): string[] {
  return p.operations.map((o) => o.id);
}

export function op(p: Plan, id: string) {
  const found = p.operations.find((o) => o.id === id);
  if (!found) throw new Error(`no operation ${id} in plan: ${ops(p).join(', ')}`);
  return found;
}

/** Strips the common indentation of a template literal, so YAML can be indented in tests. */
export function dedent(text: string): string {
  const lines = text.replace(/^\n/, '').split('\n');
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => l.match(/^ */)![0].length));
  return lines.map((l) => l.slice(indent)).join('\n');
}

/** A small fleet most planner tests start from: two ssh servers, two platforms, three sites. */
export const BASE: Record<string, string> = {
  'tide.yaml': `
    kind: Fleet
    name: acme
  `,
  'servers/web1.yaml': `
    kind: Server
    name: web1
    host: web1.example.net
    hostKey: ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl
  `,
  'servers/web2.yaml': `
    kind: Server
    name: web2
    host: web2.example.net
    hostKey: ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHk4ZmJ0Qm1ZbW1vZ2N6b2VtZ2N6b2VtZ2N6b2VtZ2N6
  `,
  'platforms/notes-1.0.yaml': `
    kind: Platform
    name: notes-1.0
    servers: [web1]
    driver: script
    source: { git: https://git.example.net/notes.git, ref: v1.0.0 }
    commands: { install: php bin/install.php, packages: php bin/packages.php }
  `,
  'platforms/notes-2.0.yaml': `
    kind: Platform
    name: notes-2.0
    servers: [web1, web2]
    driver: script
    source: { git: https://git.example.net/notes.git, ref: v2.0.0 }
    commands: { install: php bin/install.php, packages: php bin/packages.php }
  `,
  'clients/acme.yaml': `
    kind: Client
    name: acme
    quota: { sites: 10 }
  `,
  'sites/a.example.com.yaml': `
    kind: Site
    name: a.example.com
    platform: notes-1.0
    client: acme
  `,
  'sites/b.example.com.yaml': `
    kind: Site
    name: b.example.com
    platform: notes-1.0
    aliases: [www.b.example.com]
  `,
  'sites/c.example.com.yaml': `
    kind: Site
    name: c.example.com
    platform: notes-2.0
    server: web2
  `,
};

/** BASE with some files replaced (a value of null removes the file), loaded. */
export function fleetWith(changes: Record<string, string | null> = {}): DesiredState {
  const entries: Record<string, string> = { ...BASE };
  for (const [path, text] of Object.entries(changes)) {
    if (text === null) delete entries[path];
    else entries[path] = text;
  }
  return load(entries);
}
