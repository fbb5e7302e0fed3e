// Finds the daemons and clients the integration environment runs, installing
// Debian's packages when one is missing (a fresh CI machine), so a missing
// service fails loudly here instead of tests being skipped.

import { access, constants, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { execa } from 'execa';

export interface Binaries {
  sshd: string;
  sshKeygen: string;
  nginx: string;
  mariadbd: string;
  mariadbInstallDb: string;
  mariadb: string;
  phpFpm: string;
  // Not run by the environment itself, but by tests and by tide's commands.
  ssh: string;
  php: string;
  curl: string;
  // examples/prepare-server.sh gives each test server's deploy user sudo for check and reload.
  sudo: string;
  visudo: string;
  /** Headless browser for pages a person would look at (the daemon's status page). */
  chromium: string;
}

/** What we install when anything is missing: everything the suite may need. */
export const DEBIAN_PACKAGES = [
  'openssh-server', 'openssh-client', 'mariadb-server', 'mariadb-client', 'nginx-light',
  'php-fpm', 'php-cli', 'php-mysql', 'apache2', 'curl', 'sudo', 'chromium',
];

// sbin is not always on PATH (e.g. a non-login shell), so look there too.
const SEARCH_DIRS = [
  ...(process.env.PATH ?? '').split(':').filter(Boolean),
  '/usr/local/sbin', '/usr/local/bin', '/usr/sbin', '/usr/bin', '/sbin', '/bin',
];

async function isExecutable(path: string): Promise<boolean> {
  return access(path, constants.X_OK).then(() => true, () => false);
}

/** First executable among `names` (in preference order) on the search path. */
async function findAny(names: string[]): Promise<string | undefined> {
  for (const name of names) {
    for (const dir of SEARCH_DIRS) {
      if (await isExecutable(join(dir, name))) return join(dir, name);
    }
  }
  return undefined;
}

/** Debian names php-fpm by PHP version (php-fpm8.2); take the newest there is. */
async function findPhpFpm(): Promise<string | undefined> {
  const found: string[] = [];
  for (const dir of ['/usr/sbin', '/usr/local/sbin']) {
    const names = await readdir(dir).catch(() => [] as string[]);
    for (const name of names) {
      if (/^php-fpm[\d.]*$/.test(name) && (await isExecutable(join(dir, name)))) found.push(join(dir, name));
    }
  }
  found.sort((a, b) => b.localeCompare(a, 'en', { numeric: true }));
  return found[0];
}

async function findAll(): Promise<{ found: Partial<Binaries>; missing: string[] }> {
  const wanted: Record<keyof Binaries, () => Promise<string | undefined>> = {
    sshd: () => findAny(['sshd']),
    sshKeygen: () => findAny(['ssh-keygen']),
    nginx: () => findAny(['nginx']),
    mariadbd: () => findAny(['mariadbd', 'mysqld']),
    mariadbInstallDb: () => findAny(['mariadb-install-db', 'mysql_install_db']),
    mariadb: () => findAny(['mariadb', 'mysql']),
    phpFpm: findPhpFpm,
    ssh: () => findAny(['ssh']),
    php: () => findAny(['php']),
    curl: () => findAny(['curl']),
    sudo: () => findAny(['sudo']),
    visudo: () => findAny(['visudo']),
    chromium: () => findAny(['chromium', 'chromium-browser']),
  };
  const found: Partial<Binaries> = {};
  const missing: string[] = [];
  for (const [key, find] of Object.entries(wanted) as [keyof Binaries, () => Promise<string | undefined>][]) {
    const path = await find();
    if (path) found[key] = path;
    else missing.push(key);
  }
  return { found, missing };
}

/**
 * Held around each apt-get: the unit and the integration suites start side by
 * side, each integration worker's environment starts at once, and apt-get
 * takes its locks without waiting (a second one fails: "Could not get lock").
 */
const APT_LOCK = '/run/lock/tide-test-packages.lock';

/** Installs Debian `packages` (apt-get update first), one apt-get on this machine at a time. */
export async function aptInstall(packages: readonly string[] = DEBIAN_PACKAGES): Promise<void> {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const run = async (args: string[]) => {
    const r = await execa('flock', ['--timeout', '1800', APT_LOCK, 'apt-get', ...args], { env, reject: false, all: true });
    if (r.exitCode !== 0) {
      throw new Error(`integration env: \`apt-get ${args.join(' ')}\` failed (exit ${r.exitCode}):\n${r.all}`);
    }
  };
  await run(['update']);
  await run(['install', '-y', '--no-install-recommends', ...packages]);
}

let installing: Promise<void> | undefined;

/**
 * Resolve every binary, installing packages once if any is missing (once per
 * process: environments that start together share one install). With `only`,
 * just those must be found (the unit tests need php alone); a missing one
 * still installs the whole list, which the integration tests then find.
 */
export async function ensureBinaries(): Promise<Binaries>;
export async function ensureBinaries<K extends keyof Binaries>(only: K[]): Promise<Pick<Binaries, K>>;
export async function ensureBinaries(only?: (keyof Binaries)[]): Promise<Partial<Binaries>> {
  const wanted = (missing: string[]) => missing.filter((name) => !only || only.includes(name as keyof Binaries));
  let { found, missing } = await findAll();
  if (wanted(missing).length > 0) {
    console.log(`integration env: missing ${wanted(missing).join(', ')}; installing ${DEBIAN_PACKAGES.join(' ')}`);
    installing ??= aptInstall().finally(() => { installing = undefined; });
    await installing;
    ({ found, missing } = await findAll());
  }
  if (wanted(missing).length > 0) {
    throw new Error(`integration env: still missing after apt-get install: ${wanted(missing).join(', ')}`);
  }
  return found;
}
