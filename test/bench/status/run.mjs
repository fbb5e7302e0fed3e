// npm run bench:status: the daemon's status page over a 10,000-site state
// branch (written with git fast-import into a temp repository): the first
// request (reads every site record, builds the index), then warm requests
// (first page, a search, page 150, an operation's log). Prints JSON.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RecordedStateCache } from '../../../dist/daemon/recorded.js';
import { StatusPage } from '../../../dist/daemon/status/page.js';

const SITES = Number(process.env.TIDE_BENCH_SITES ?? 10_000);
const repoDir = mkdtempSync(join(tmpdir(), 'tide-bench-status-'));

function stateStream() {
  const chunks = [`commit refs/heads/tide-state\ncommitter bench <bench@localhost> ${Math.floor(Date.now() / 1000)} +0000\ndata 11\nbench state\n`];
  const add = (path, value) => {
    const text = typeof value === 'string' ? value : `${JSON.stringify(value, null, 2)}\n`;
    chunks.push(`M 100644 inline ${path}\ndata ${Buffer.byteLength(text)}\n${text}\n`);
  };
  for (let i = 0; i < SITES; i++) {
    const name = `s${String(i).padStart(5, '0')}.example.com`;
    add(`state/sites/${name}.json`, {
      formatVersion: 1, name, platform: 'notes', server: i % 2 ? 'web2' : 'web1', url: name, aliases: [], redirectAliases: false,
      status: 'enabled', profile: 'standard', cron: '1h', generation: 1, ...(i % 997 === 0 ? { drift: ['settings.json is missing'] } : {}),
      lastOperation: { id: `20261129T120000Z-ab${String(i % 100).padStart(2, '0')}-install-site-${name}`, action: 'install', status: 'ok', at: '2026-11-29T12:00:00.000Z' },
    });
  }
  for (let i = 0; i < 30; i++) {
    const site = `s${String(i).padStart(5, '0')}.example.com`;
    const id = `20261129T1200${String(i).padStart(2, '0')}Z-abcd-install-site-${site}`;
    add(`operations/2026-11/${id}.json`, {
      formatVersion: 1, id, operation: `site/${site}/install`, action: 'install', target: { kind: 'site', name: site }, server: 'web1', reason: 'new site',
      desiredCommit: null, planHash: null, status: 'ok', startedAt: '2026-11-29T12:00:00.000Z', finishedAt: '2026-11-29T12:00:01.000Z', tasks: [],
    });
    add(`operations/2026-11/${id}.log`, `install site ${site} on web1: new site\n`);
  }
  return chunks.join('');
}

try {
  execFileSync('git', ['init', '-q', '-b', 'main', repoDir]);
  execFileSync('git', ['fast-import', '--quiet'], { cwd: repoDir, input: stateStream(), maxBuffer: 1 << 30 });
  const page = new StatusPage({ repoDir, fleet: () => ({ name: 'bench', branch: 'tide-state' }), recorded: new RecordedStateCache(repoDir), pendingPlan: () => null });
  const render = (query) => page.render(new URL(`http://status.invalid/${query}`));
  let started = performance.now();
  const first = await render('');
  const firstMs = performance.now() - started;
  if (!first.includes(`${SITES} of ${SITES} sites`)) throw new Error('the page does not list the sites');
  const warm = {};
  for (const [label, query] of [['first page', ''], ['search', '?q=s0999'], ['page 150', '?page=150'], ['drifted only', '?drifted=1'], ['operation log', '?op=20261129T120005Z-abcd-install-site-s00005.example.com']]) {
    const runs = 20;
    started = performance.now();
    for (let n = 0; n < runs; n++) await render(query);
    warm[label] = Number(((performance.now() - started) / runs).toFixed(1));
  }
  console.log(JSON.stringify({ sites: SITES, firstRequestMs: Math.round(firstMs), warmMs: warm, pageBytes: first.length, rssMiB: Math.round(process.memoryUsage().rss / 1048576) }));
} finally {
  rmSync(repoDir, { recursive: true, force: true });
}
