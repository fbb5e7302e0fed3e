// The daemon's status page on a real fleet, loaded as a person would: in
// headless Chromium (Debian's package), over HTTP on loopback. It lists the
// installed site with its last operation, the pending plan of a commit not
// yet applied, and an operation's log; a screenshot goes to test-output/.

import { mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { RecordedStateCache } from '../../src/daemon/recorded.js';
import { StatusPage } from '../../src/daemon/status/page.js';
import type { Plan } from '../../src/model/plan.js';
import { removeGitCliRepos } from '../helpers/git-cli.js';
import { dumpDom, screenshot } from './support/chromium.js';
import { commitAll, makeFleet, REPO_ROOT, stateFile, tide, writeFleetFile, type TestFleet } from './support/fleet.js';

const services = inject('services');
const SITE = 'shop.example.test';
const PENDING = 'next.example.test';
let fleet: TestFleet;
let server: Server;
let base: string;
let plan: Plan;

beforeAll(async () => {
  fleet = makeFleet(services, 'status-page', { keepSites: false });
  writeFleetFile(fleet, `sites/${SITE}.yaml`, { kind: 'Site', name: SITE, platform: 'brochure', server: 'web1' });
  commitAll(fleet, 'a brochure site');
  const applied = await tide(fleet, ['apply', '--yes']);
  expect(applied.exitCode, applied.all).toBe(0);
  // A commit the daemon has planned but not applied (auto-apply off).
  writeFleetFile(fleet, `sites/${PENDING}.yaml`, { kind: 'Site', name: PENDING, platform: 'brochure', server: 'web2' });
  commitAll(fleet, 'another site, not applied yet');
  plan = JSON.parse((await tide(fleet, ['plan', '--json'])).stdout);
  const page = new StatusPage({
    repoDir: fleet.dir, fleet: () => ({ name: 'status-page', branch: 'tide-state' }), recorded: new RecordedStateCache(fleet.dir),
    pendingPlan: () => plan, facts: () => [['tracked branch', 'main']],
  });
  server = createServer((req, res) => void page.handle(req, res).catch((e: Error) => res.writeHead(500).end(e.message)));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
}, 180_000);

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  removeGitCliRepos();
});

describe('status page in Chromium', () => {
  it('lists the site with its last operation and the pending plan', async () => {
    const dom = await dumpDom(base);
    const row = dom.split('<tr>').find((r) => r.includes(`<td>${SITE}</td>`));
    expect(row, 'a row for the site').toBeDefined();
    expect(row).toContain('install ok');
    expect(row).toContain('web1');
    const recorded = JSON.parse(stateFile(fleet, `state/sites/${SITE}.json`)!);
    expect(row).toContain(`href="?op=${recorded.lastOperation.id}"`);
    expect(dom).toMatch(new RegExp(`<td>install</td><td>site ${PENDING.replace(/\./g, '\\.')}</td><td>web2</td>`));
    const dir = join(REPO_ROOT, 'test-output');
    mkdirSync(dir, { recursive: true });
    const png = join(dir, 'status-page.png');
    await screenshot(base, png);
    console.log(`status page screenshot: ${png}`);
  });

  it('shows an operation with its log; search finds the site', async () => {
    const recorded = JSON.parse(stateFile(fleet, `state/sites/${SITE}.json`)!);
    const dom = await dumpDom(`${base}?op=${recorded.lastOperation.id}`);
    expect(dom).toContain(`Operation ${recorded.lastOperation.id}`);
    expect(dom).toMatch(/<pre>[^<]*install site shop\.example\.test on web1/);
    // Search and paging are plain links and a GET form: the HTTP answer is the page.
    expect(await (await fetch(`${base}?q=shop`)).text()).toContain('1 of 1 sites');
    expect(await (await fetch(`${base}?q=nothing-like-this`)).text()).toContain('0 of 1 sites');
  });

  it('is served with a policy that allows no script and no outside asset', async () => {
    const res = await fetch(base);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await res.text()).not.toMatch(/<script|https?:\/\/(?!127\.0\.0\.1)/);
  });
});
