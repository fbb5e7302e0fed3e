// What a server must offer the user tide logs in as (Aegir's setup, which
// examples/prepare-server.sh makes): membership of the web group, a
// writable root and vhost directory, a web server that reads that directory,
// sudo for exactly the check and reload commands, curl or wget (to see a
// reloaded vhost answer, services/http/served.ts), and a PHP socket the web
// group can reach; and when sites there have their own PHP pools (php.
// isolation: per-site), the pool helper, installed, configured for the user
// and allowed by sudo. Each check is small and separate, reads only, and says how
// to fix what it finds missing: server verify runs them as tasks (the first
// one missing stops it), `tide verify` runs them all and lists each.
//
// The database admin login is checked where the database version is asked
// (server verify's database task, observeServer).

import { randomBytes } from 'node:crypto';
import { driverFor } from '../../drivers/index.js';
import type { DesiredState, HttpService, Server } from '../../model/kinds.js';
import { phpIsolation } from '../../state/spec.js';
import { httpCommand, type HttpCommand } from '../../services/http/commands.js';
import { shellQuote as q, type Transport } from '../../transport/types.js';
import { poolHelperCommand } from '../site/pool.js';

/** A precondition that does not hold: what is wrong, and what to run to fix it. */
export interface Missing {
  problem: string;
  fix: string;
}

export interface Precondition {
  /** For the task list: "tide-deploy is in group www-data". */
  name: string;
  check(): Promise<Missing | null>;
}

interface Login {
  uid: number;
  user: string;
  groups: string[];
}

const PREPARE = 'examples/prepare-server.sh does all of this';

/** The preconditions of `server`, checked over `t` (which logs in as the server's user). */
export function serverPreconditions(t: Transport, server: Server, desired: Pick<DesiredState, 'platforms'>): Precondition[] {
  let login: Promise<Login> | undefined;
  const who = () => (login ??= whoAmI(t));
  const { http } = server.services;
  const list: Precondition[] = [];
  if (server.webGroup) list.push(inWebGroup(who, server.webGroup));
  list.push(writableDir(t, who, server.root, 'the server root'));
  if (http.type !== 'none') {
    list.push(writableDir(t, who, http.configDir, 'the vhost directory'));
    if (http.sudo) list.push(mayRun(t, who, http, 'check'), mayRun(t, who, http, 'reload'));
    list.push(vhostDirIncluded(t, http), httpClient(t));
    if (http.fastcgi) list.push(phpReachable(t, http.fastcgi, server.webGroup));
    if (hostsSitePools(server, desired)) list.push(poolHelperAllowed(t, who, server));
  }
  return list;
}

/** Whether a PHP platform on the server runs its sites in pools of their own. */
function hostsSitePools(server: Server, desired: Pick<DesiredState, 'platforms'>): boolean {
  return [...desired.platforms.values()].some((p) =>
    p.servers.includes(server.name) && driverFor(p.driver).usesPhp && phpIsolation(server, p) === 'per-site');
}

/** `HELPER check` prints ok once the helper is installed, has settings for this user, and sudo lets the user run it. */
function poolHelperAllowed(t: Transport, who: () => Promise<Login>, server: Server): Precondition {
  const { poolHelper } = server.php;
  return {
    name: `the per-site PHP pool helper ${poolHelper} is installed and allowed`,
    async check() {
      // sg gives the login the site group the helper just made (permissions.ts).
      if ((await t.exec('command -v sg', { timeoutMs: 30_000 })).exitCode !== 0) {
        return { problem: 'sg is not installed: tide runs the permission fixes of an isolated site under `sg SITEGROUP`.', fix: 'As root: apt-get install login (Debian 12; the package that provides sg elsewhere).' };
      }
      const r = await t.exec(poolHelperCommand(server, ['check']), { timeoutMs: 30_000 });
      if (r.exitCode === 0 && r.stdout.trim() === 'ok') return null;
      const me = await who();
      const said = (r.stderr.trim() || r.stdout.trim()).split('\n').pop() ?? '';
      return {
        problem: `Sites here run in PHP pools of their own (php.isolation: per-site), and ${me.user} cannot run the pool helper ${poolHelper}` +
          `${server.services.http.sudo ? ' through sudo' : ''} (${said || `exit ${r.exitCode}`}).`,
        fix: `As root: examples/prepare-server.sh --user ${me.user} --php-pools (installs the helper, its settings for ${me.user} and the sudoers entry), ` +
          `or set php.poolHelper on the Server to where it is.`,
      };
    },
  };
}

async function whoAmI(t: Transport): Promise<Login> {
  const r = await t.exec('id -u; id -un; id -Gn', { timeoutMs: 30_000 });
  const [uid, user, groups] = r.stdout.trim().split('\n');
  return { uid: Number(uid), user: user ?? '?', groups: (groups ?? '').split(/\s+/).filter(Boolean) };
}

function inWebGroup(who: () => Promise<Login>, group: string): Precondition {
  return {
    name: `the login user is in group ${group}`,
    async check() {
      const me = await who();
      if (me.uid === 0 || me.groups.includes(group)) return null;
      return {
        problem: `${me.user} is not in group ${group} (the group the web server and PHP run as), so it cannot give site files to PHP.`,
        fix: `As root: usermod -a -G ${group} ${me.user} (${PREPARE}); tide's next login has the group.`,
      };
    },
  };
}

function writableDir(t: Transport, who: () => Promise<Login>, dir: string, what: string): Precondition {
  return {
    name: `${what} ${dir} is writable`,
    async check() {
      // A root that does not exist yet is made by server verify: then its nearest existing parent must be writable.
      const r = await t.exec(`d=${q(dir)}; while [ ! -e "$d" ]; do d=$(dirname "$d"); done; [ -d "$d" ] && [ -w "$d" ] && [ -x "$d" ]`, { timeoutMs: 30_000 });
      if (r.exitCode === 0) return null;
      const me = await who();
      return {
        problem: `${me.user} cannot write ${what} ${dir}.`,
        fix: `As root: install -d -o ${me.user} ${dir} (${PREPARE}).`,
      };
    },
  };
}

function mayRun(t: Transport, who: () => Promise<Login>, http: HttpService, which: HttpCommand): Precondition {
  const command = http[which];
  return {
    name: `sudo allows \`${command}\``,
    async check() {
      // -l: only asks sudo whether the command is allowed; -n: never a password prompt.
      const r = await t.exec(`sudo -n -l ${command}`, { timeoutMs: 30_000 });
      if (r.exitCode === 0) return null;
      const me = await who();
      if (r.exitCode === 127) {
        return { problem: `sudo is not installed, and ${me.user} runs \`${command}\` through it (services.http.sudo).`, fix: `As root: apt-get install sudo (${PREPARE}).` };
      }
      return {
        problem: `${me.user} may not run \`${command}\` through sudo without a password (the web server's ${which === 'check' ? 'config test' : 'reload'}).`,
        fix: `As root, with visudo -f /etc/sudoers.d/tide-${me.user}: "${me.user} ALL=(root) NOPASSWD: ${http.check}, ${http.reload}" ` +
          `with each program's absolute path (${PREPARE}).`,
      };
    },
  };
}

/**
 * Whether the web server reads the vhost directory: a probe file there that
 * is valid but makes the config test warn, naming the file, if it is read.
 * Valid, so a reload by anyone meanwhile still works. Inconclusive (no
 * finding) when the test fails for another reason: the config test task
 * reports that.
 */
function vhostDirIncluded(t: Transport, http: HttpService): Precondition {
  return {
    name: `${http.type} reads the vhost directory ${http.configDir}`,
    async check() {
      const token = randomBytes(6).toString('hex');
      const probe = `${http.configDir.replace(/\/+$/, '')}/zz-tide-include-probe-${token}.conf`;
      const line = http.type === 'apache' ? 'NameVirtualHost 127.0.0.1:1' : `geo $tide_include_probe_${token} { 127.0.0.2/8 1; }`;
      const r = await t.exec(
        `printf '%s\\n' ${q(line)} > ${q(probe)} || exit 90; out=$(${httpCommand(http, 'check')} 2>&1); s=$?; rm -f ${q(probe)}; ` +
          `case "$out" in *${q(probe)}*) exit 0 ;; esac; [ $s -eq 0 ] && exit 91; exit 92`,
        { timeoutMs: 60_000 },
      );
      if (r.exitCode !== 91) return null;
      const include = http.type === 'apache'
        ? `IncludeOptional ${http.configDir}/*.conf (for example in /etc/apache2/conf-enabled/tide.conf)`
        : `include ${http.configDir}/*.conf; inside http { } (for example in /etc/nginx/conf.d/tide.conf)`;
      return {
        problem: `${http.type} does not read ${http.configDir}: the vhosts tide writes there would never be served.`,
        fix: `Add to the web server's configuration: ${include}, then reload it (${PREPARE}).`,
      };
    },
  };
}

function httpClient(t: Transport): Precondition {
  return {
    name: 'curl or wget is installed (to see reloaded vhosts answer)',
    async check() {
      const r = await t.exec('command -v curl || command -v wget', { timeoutMs: 30_000 });
      if (r.exitCode === 0) return null;
      return {
        problem: 'Neither curl nor wget is installed: tide asks the web server with one of them whether a reloaded vhost answers.',
        fix: `As root: apt-get install curl (${PREPARE}).`,
      };
    },
  };
}

function phpReachable(t: Transport, fastcgi: string, group: string | undefined): Precondition {
  return {
    name: `PHP-FPM answers at ${fastcgi}`,
    async check() {
      if (fastcgi.startsWith('unix:')) {
        const path = fastcgi.slice('unix:'.length);
        const r = await t.exec(`[ -S ${q(path)} ] || exit 3; [ -r ${q(path)} ] && [ -w ${q(path)} ]`, { timeoutMs: 30_000 });
        if (r.exitCode === 0) return null;
        if (r.exitCode === 3) {
          return { problem: `No PHP-FPM socket at ${path} (services.http.fastcgi).`, fix: 'Start php-fpm, or set services.http.fastcgi to the listen address of its pool.' };
        }
        return {
          problem: `The PHP-FPM socket ${path} is not open to the web group${group ? ` ${group}` : ''}.`,
          fix: `In the pool's configuration: listen.owner = ${group ?? 'www-data'}, listen.group = ${group ?? 'www-data'}, listen.mode = 0660; then restart php-fpm.`,
        };
      }
      const [host, port] = [fastcgi.slice(0, fastcgi.lastIndexOf(':')), fastcgi.slice(fastcgi.lastIndexOf(':') + 1)];
      const r = await t.exec(`timeout 5 bash -c ${q(`exec 3<>/dev/tcp/${host}/${port}`)}`, { timeoutMs: 30_000 });
      if (r.exitCode === 0) return null;
      return { problem: `Nothing answers at ${fastcgi} (services.http.fastcgi).`, fix: 'Start php-fpm, or set services.http.fastcgi to the listen address of its pool.' };
    },
  };
}
