// Facts an application needs (issue 11, point 5): settings.json carries the
// site's scheme, port and base URL and its vars (the platform's as defaults,
// the site's winning), and commands see them as TIDE_SITE_* and TIDE_VAR_*.
// A PHP page served over HTTP prints what its settings.json and its install
// command saw; changing a var rewrites settings.json on the next apply.

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { removeGitCliRepos } from '../helpers/git-cli.js';
import { commitAll, makeFleet, tide, writeFleetFile, type TestFleet } from './support/fleet.js';
import { httpGet, pageWhen } from './support/probe.js';

const services = inject('services');
const web1 = services.ssh.servers[0]!;
const SITE = 'facts.example.test';
let fleet: TestFleet;

// Prints settings.json's facts and the greeting the install command wrote from TIDE_VAR_GREETING.
const INDEX_PHP = `<?php
$dir = $_SERVER['TIDE_SITE_DIR'];
$s = json_decode(file_get_contents("$dir/settings.json"), true, 512, JSON_THROW_ON_ERROR);
header('Content-Type: text/plain');
echo "base={$s['site']['baseUrl']}\\nscheme={$s['site']['scheme']}\\nport={$s['site']['port']}\\n";
echo "title={$s['vars']['title']}\\ngreeting=" . file_get_contents("$dir/greeting.txt") . "\\n";
`;

function writeSite(vars: Record<string, string>): void {
  writeFleetFile(fleet, `sites/${SITE}.yaml`, { kind: 'Site', name: SITE, platform: 'facts', server: 'web1', vars });
}

async function applyOk(message: string): Promise<void> {
  commitAll(fleet, message);
  const run = await tide(fleet, ['apply', '--yes']);
  expect(run.exitCode, run.all).toBe(0);
}

beforeAll(() => {
  fleet = makeFleet(services, 'site-facts', { keepSites: false });
  mkdirSync(join(fleet.dir, 'platforms/facts/public'), { recursive: true });
  writeFileSync(join(fleet.dir, 'platforms/facts/public/index.php'), INDEX_PHP);
  writeFleetFile(fleet, 'platforms/facts.yaml', {
    kind: 'Platform', name: 'facts', servers: ['web1'], driver: 'script', source: { path: 'platforms/facts' }, docroot: 'public',
    vars: { greeting: 'hello from the platform', title: 'Platform default' },
    commands: { install: 'printf %s "$TIDE_VAR_GREETING" > "$TIDE_SITE_DIR/greeting.txt"' },
  });
});
afterAll(() => removeGitCliRepos());

describe('facts an application needs', () => {
  it('a PHP site shows its base URL and a var from settings.json, and its install command saw TIDE_VAR_GREETING', async () => {
    writeSite({ title: 'Facts wiki' });
    await applyOk('a site with vars');
    // nginx's reload returns before the new vhost is live (issue 11, point 6, not done yet): wait for it.
    const page = await pageWhen(web1.http.port, SITE, (p) => p.status === 200);
    expect(page.status, page.body).toBe(200);
    expect(page.body).toContain(`base=http://${SITE}:${web1.http.port}\n`);
    expect(page.body).toContain('scheme=http\n');
    expect(page.body).toContain(`port=${web1.http.port}\n`);
    expect(page.body).toContain('title=Facts wiki\n');
    expect(page.body).toContain('greeting=hello from the platform\n');
  });

  it('changing a var rewrites settings.json on the next apply', async () => {
    writeSite({ title: 'Renamed wiki' });
    await applyOk('new title');
    const page = await httpGet(web1.http.port, SITE);
    expect(page.body).toContain('title=Renamed wiki\n');
  });
});
