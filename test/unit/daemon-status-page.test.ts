// The status page as HTML: hostile values from the state branch and the fleet
// (drift, logs, actions, errors, plan reasons) come out escaped; search and
// paging pick the right sites; a 10,000-site state renders a page quickly.

import { describe, expect, it } from 'vitest';
import { renderStatus } from '../../src/daemon/status/page.js';
import { parseQuery, SiteIndex, PAGE_SIZE, type StatusInput } from '../../src/daemon/status/view.js';
import type { Plan } from '../../src/model/plan.js';
import { redactor } from '../../src/redact.js';
import { emptyRecordedState, type RecordedSite, type RecordedState } from '../../src/state/types.js';

const EVIL = `<script>alert(1)</script>"><img src=x onerror=alert(2)>'\`=`;

function site(name: string, extra: Partial<RecordedSite> = {}): RecordedSite {
  return {
    formatVersion: 1, name, platform: 'notes', server: name.startsWith('b') ? 'web2' : 'web1', url: name, aliases: [], redirectAliases: false,
    status: 'enabled', profile: 'standard', generation: 1,
    lastOperation: { id: `20310101T000000Z-abcd-install-site-${name}`, action: 'install', status: 'ok', at: '2031-01-01T00:00:01.000Z' },
    ...extra,
  } as RecordedSite;
}

function stateOf(sites: RecordedSite[]): RecordedState {
  const state = emptyRecordedState('tide-state');
  state.commit = 'a'.repeat(40);
  for (const s of sites) state.sites.set(s.name, s);
  state.servers.set('web1', {
    formatVersion: 1, name: 'web1', transport: 'ssh', host: '127.0.0.1', port: 22, user: 'aegir', root: '/var/tide',
    services: { http: { type: 'nginx' }, db: { type: 'mariadb' } }, reachable: true, verifiedAt: '2031-01-01T00:00:00.000Z',
  } as never);
  return state;
}

function input(state: RecordedState, extra: Partial<StatusInput> = {}): StatusInput {
  return { fleet: 'acme', state, index: new SiteIndex(state.commit, state), plan: null, recent: [], detail: null, facts: [], renderedAt: new Date(0), ...extra };
}

const render = (i: StatusInput, search = '') => renderStatus(i, parseQuery(new URLSearchParams(search)));

describe('status page escaping', () => {
  it('escapes every value the state branch or the fleet can carry', () => {
    const state = stateOf([site('a.example.com', {
      drift: [EVIL],
      lastOperation: { id: '20310101T000000Z-abcd-x', action: EVIL, status: 'failed', at: '2031-01-01T00:00:00.000Z' },
    })]);
    const plan = {
      formatVersion: 1, fleet: 'acme', desired: { commit: 'b'.repeat(40), digest: 'd' }, state: { branch: 'tide-state', commit: null },
      operations: [{ id: 'site/a.example.com/verify', action: 'verify', target: { kind: 'site', name: 'a.example.com' }, server: 'web1', reason: EVIL,
        changes: [], dependsOn: [], blockers: [{ code: 'X', message: EVIL }], warnings: [], destructive: false }],
      orphans: [], summary: { operations: 1, byAction: { verify: 1 }, blocked: 1, orphans: 0 }, hash: 'h',
    } as Plan;
    const detail = {
      title: `Operation ${EVIL}`, log: `line 1\n${EVIL}\n</pre><script>alert(3)</script>`,
      record: { formatVersion: 1, id: 'x', operation: 'site/a.example.com/cron', action: 'cron', target: { kind: 'site', name: 'a.example.com' }, server: 'web1',
        reason: EVIL, desiredCommit: null, planHash: null, status: 'failed', startedAt: '2031-01-01T00:00:00.000Z', tasks: [{ name: EVIL, status: 'failed' }], error: EVIL } as never,
    };
    const html = render(input(state, { plan, detail, facts: [['tracked', EVIL]], fleet: EVIL }), `q=${encodeURIComponent(EVIL)}`);
    expect(html).not.toMatch(/<script>|<img|onerror=alert\(2\)>|<\/pre><script/);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;&lt;img src&#x3D;x onerror&#x3D;alert(2)&gt;&#x27;&#x60;&#x3D;');
    // The only tags are the template's own: no <script> anywhere, no attribute made of data.
    const tags = new Set([...html.matchAll(/<([a-z0-9]+)[\s>]/gi)].map((m) => m[1]!.toLowerCase()));
    expect([...tags].sort()).toEqual(['a', 'body', 'button', 'form', 'h1', 'h2', 'head', 'html', 'input', 'label', 'meta', 'nav', 'p', 'pre', 'span', 'style', 'table', 'td', 'th', 'title', 'tr']);
  });

  it('redacts a registered secret from a log shown on the page', () => {
    redactor.add('hunter2-secret-value');
    const state = stateOf([site('a.example.com')]);
    const detail = { title: 'Operation x', log: 'password=hunter2-secret-value\n', record: { unreadable: 'no such record' } };
    const html = render(input(state, { detail }));
    expect(html).not.toContain('hunter2-secret-value');
    expect(html).toContain('[redacted]');
  });
});

describe('search and paging', () => {
  const sites = Array.from({ length: 120 }, (_, i) => site(`${i % 2 ? 'b' : 'a'}${String(i).padStart(3, '0')}.example.com`, i === 7 ? { drift: ['vhost missing'] } : {}));
  const state = stateOf(sites);

  it('pages sorted sites, PAGE_SIZE at a time, with links that keep the search', () => {
    const first = render(input(state));
    expect(first).toContain('120 of 120 sites · page 1 of 3');
    expect(first).toContain('a000.example.com');
    expect(first).not.toContain(`a${String(2 * PAGE_SIZE).padStart(3, '0')}.example.com</td>`);
    const third = render(input(state), 'page=3');
    expect(third).toContain('page 3 of 3');
    expect(third).toContain('b119.example.com');
    expect(third).toContain('href="?page&#x3D;2" rel="prev"');
    const searched = render(input(state), 'q=a11&page=2');
    expect(searched).toContain('5 of 120 sites · page 1 of 1');
  });

  it('finds by server and shows only drifted sites when asked', () => {
    expect(render(input(state), 'q=web2')).toContain('60 of 120 sites');
    const drifted = render(input(state), 'drifted=1');
    expect(drifted).toContain('1 of 120 sites');
    expect(drifted).toContain('vhost missing');
  });
});

describe('10,000 sites', () => {
  it('renders a page of a 10,000-site state fast (figures printed)', () => {
    const big = stateOf(Array.from({ length: 10_000 }, (_, i) => site(`s${String(i).padStart(5, '0')}.example.com`, i % 997 === 0 ? { drift: ['settings.json missing'] } : {})));
    let started = performance.now();
    const index = new SiteIndex(big.commit, big);
    const indexMs = performance.now() - started;
    const i = input(big, { index });
    const timings: Record<string, number> = {};
    for (const [label, search] of [['first page', ''], ['page 150', 'page=150'], ['search', 'q=s0999'], ['drifted', 'drifted=1']] as const) {
      render(i, search); // warm
      started = performance.now();
      const runs = 20;
      for (let n = 0; n < runs; n++) render(i, search);
      timings[label] = (performance.now() - started) / runs;
    }
    console.log(`status page at 10,000 sites: index built in ${indexMs.toFixed(1)} ms (once per state commit); render ${Object.entries(timings).map(([k, v]) => `${k} ${v.toFixed(2)} ms`).join(', ')}`);
    expect(render(i, 'q=s0999')).toContain('10 of 10000 sites');
    for (const ms of Object.values(timings)) expect(ms).toBeLessThan(100);
  });
});
