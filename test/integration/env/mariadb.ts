// One MariaDB server with a fresh data directory, reachable over TCP on
// loopback by an admin user with a random password (the way tide connects).

import { randomBytes } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { execa } from 'execa';
import type { Binaries } from './packages.js';
import type { Daemons } from './processes.js';
import { tcpGreets } from './probes.js';

export const ADMIN_USER = 'tide_admin';
/** The system user Debian's mariadb-server package makes for the server. */
const MYSQL_USER = 'mysql';

export interface StartedMariadb {
  port: number;
  adminUser: string;
  adminPassword: string;
  /** Root over the unix socket, for setup only. */
  socket: string;
}

async function run(what: string, command: string, args: string[]): Promise<void> {
  const r = await execa(command, args, { reject: false, all: true });
  if (r.exitCode !== 0) {
    throw new Error(`integration env: ${what} failed (exit ${r.exitCode})\n  command: ${r.command}\n${r.all}`);
  }
}

export async function startMariadb(daemons: Daemons, bin: Binaries, dir: string, port: number): Promise<StartedMariadb> {
  const datadir = join(dir, 'data');
  const socket = join(dir, 'mysql.sock');
  const log = join(dir, 'mariadbd.log');
  const tmpdir = join(dir, 'tmp');
  await mkdir(tmpdir, { recursive: true });
  // The server runs as the `mysql` user of Debian's package, as on a production host.
  await run('chown', 'chown', ['-R', `${MYSQL_USER}:${MYSQL_USER}`, dir]);
  // --no-defaults: ignore /etc/mysql, which points at the system instance.
  // normal root auth: root@localhost with no password, used below over the socket.
  // A temp directory of its own: two environments bootstrapping at once in
  // /tmp collided on a temporary table's name.
  await run('mariadb-install-db', bin.mariadbInstallDb, [
    '--no-defaults', `--datadir=${datadir}`, `--user=${MYSQL_USER}`, `--tmpdir=${tmpdir}`,
    '--auth-root-authentication-method=normal', '--skip-test-db',
  ]);
  await daemons.start({
    name: 'mariadbd',
    command: bin.mariadbd,
    args: [
      '--no-defaults', `--datadir=${datadir}`, `--socket=${socket}`, `--port=${port}`,
      '--bind-address=127.0.0.1', `--user=${MYSQL_USER}`, `--tmpdir=${tmpdir}`, '--skip-name-resolve',
      `--pid-file=${join(dir, 'mariadbd.pid')}`, `--log-error=${log}`,
      // Throwaway data: trade durability for speed.
      '--innodb-flush-log-at-trx-commit=2', '--innodb-buffer-pool-size=64M',
    ],
    log,
    // The handshake packet comes once the server accepts clients.
    ready: () => tcpGreets(port),
  });

  const adminPassword = randomBytes(16).toString('hex');
  // skip-name-resolve: TCP clients match by IP (127.0.0.1); 'localhost' means the socket.
  const sql = ['127.0.0.1', 'localhost']
    .map((host) => `CREATE USER '${ADMIN_USER}'@'${host}' IDENTIFIED BY '${adminPassword}';
      GRANT ALL PRIVILEGES ON *.* TO '${ADMIN_USER}'@'${host}' WITH GRANT OPTION;`)
    .join('\n');
  // install-db also makes password-less root@127.0.0.1 and @::1: only the admin gets in over TCP.
  const dropRootTcp = "DROP USER IF EXISTS 'root'@'127.0.0.1', 'root'@'::1';";
  await run('creating the MariaDB admin user', bin.mariadb, [
    '--no-defaults', `--socket=${socket}`, '--user=root', '-e', `${sql}\n${dropRootTcp}`,
  ]);
  return { port, adminUser: ADMIN_USER, adminPassword, socket };
}
