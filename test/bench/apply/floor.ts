// The floor tide is measured against: the least a static-site install can
// cost over ssh. Per server ONE `ssh` login (as the deploy user, as tide
// logs in) running ONE shell script, read from stdin, with every site's
// commands (directory with the site permission model, settings.json, vhost),
// then one config test and one reload. Servers in parallel. No round trip
// per command, no record, no undo: nothing tide could do faster.

import { execa } from 'execa';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestServices, TestSshServer } from '../../integration/env/types.js';

export function q(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

export interface BenchServerPlan {
  server: TestSshServer;
  sites: string[];
  /** Where the sites' directories go (ROOT/sites/NAME). */
  root: string;
  /** The static platform's code, the vhosts' root. */
  docroot: string;
}

/** nginx vhost of a static site, as tide writes one (same directives). */
export function staticVhost(server: TestSshServer, site: string, docroot: string): string {
  return [
    `# Managed by tide: site ${site}. Changes here are overwritten.`,
    '', 'server {', `    listen ${server.http.port};`, `    server_name ${site};`,
    `    root "${docroot}";`, '    index index.html index.htm;', '    location / {', '        try_files $uri $uri/ =404;', '    }', '}', '',
  ].join('\n');
}

export function settingsJson(site: string): string {
  return `${JSON.stringify({ site: { name: site, url: `http://${site}`, scheme: 'http', port: 80, baseUrl: `http://${site}` }, db: null, vars: {} }, null, 2)}\n`;
}

/** The one script for a server. */
function serverScript(p: BenchServerPlan): string {
  const lines = ['set -e'];
  for (const site of p.sites) {
    const dir = `${p.root}/sites/${site}`;
    lines.push(
      `d=${q(dir)}; [ ! -e "$d" ]`,
      'mkdir -p "$d/files"; chgrp www-data "$d" "$d/files"; chmod 2750 "$d"; chmod 2770 "$d/files"',
      `cat > "$d/settings.json" <<'EOF_SETTINGS'`, settingsJson(site).trimEnd(), 'EOF_SETTINGS',
      'chmod 0640 "$d/settings.json"',
      `cat > ${q(`${p.server.http.configDir}/tide-${site}.conf`)} <<'EOF_VHOST'`, staticVhost(p.server, site, p.docroot).trimEnd(), 'EOF_VHOST',
    );
  }
  lines.push(`sudo -n ${p.server.http.check} 2>/dev/null`, `sudo -n ${p.server.http.reload}`);
  return `${lines.join('\n')}\n`;
}

/** Installs every plan's sites the floor way, servers in parallel; returns wall time in ms. */
export async function runFloor(services: TestServices, plans: BenchServerPlan[]): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'tide-floor-'));
  const knownHosts = join(dir, 'known_hosts');
  writeFileSync(knownHosts, plans.map((p) => `[127.0.0.1]:${p.server.port} ${p.server.hostKey}`).join('\n') + '\n');
  const scripts = plans.map((p) => serverScript(p));
  const started = performance.now();
  await Promise.all(plans.map((p, i) =>
    execa('ssh', [
      '-o', 'BatchMode=yes', '-o', `UserKnownHostsFile=${knownHosts}`, '-o', 'StrictHostKeyChecking=yes', '-o', 'ControlPath=none',
      '-p', String(p.server.port), '-i', services.ssh.clientKeyPath, `${p.server.user}@127.0.0.1`, 'sh -s',
    ], { input: scripts[i] })));
  return performance.now() - started;
}
