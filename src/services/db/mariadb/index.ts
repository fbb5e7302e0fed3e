// MariaDB and MySQL through their command-line clients on the server. All
// SQL goes on stdin and the admin password in MYSQL_PWD (ExecOptions.env,
// which transports keep off the command line): no secret is ever part of a
// command string. The site user's password appears only in SQL on stdin.

import { TideError } from '../../../errors.js';
import { redactor } from '../../../redact.js';
import { shellQuote as q, type ExecOptions, type ExecResult, type Transport } from '../../../transport/types.js';
import type { StepResult } from '../../../shell/steps.js';
import type { CreateStep, DbAdmin, DbCommandOptions, DbServiceType, SiteDatabase } from '../types.js';
import { checkDbName, checkSiteOwned, checkUserName, grantHostsOf, sqlAccount, sqlIdentifier, sqlString } from './sql.js';

export { checkSiteOwned, DbNameError, DbReservedError, generatePassword, siteDatabaseNames } from './sql.js';

const STATEMENT_TIMEOUT_MS = 120_000;
const DUMP_TIMEOUT_MS = 6 * 3600_000;

/** Exit statuses of the create step: which part stopped it. */
const CREATE_EXIT = { dbExists: 40, userExists: 41, lookupFailed: 42, createFailed: 43 } as const;
/** Its line on stderr once the lookup found neither: from then on a failure may have left a part behind. */
const CREATING = 'tide: creating database';

/** A client command failed; stderr is redacted. */
export class DbCommandError extends TideError {
  readonly server: string;
  readonly operation: string;
  readonly stderr: string;

  constructor(server: string, operation: string, detail: string, exitCode?: number, cause?: unknown) {
    const stderr = redactor.redact(detail.trim()).split('\n').slice(-20).join('\n').slice(-4000);
    super('DB_COMMAND_FAILED', `database ${operation} on ${server} failed${exitCode === undefined ? '' : ` (exit code ${exitCode})`}${stderr ? `: ${stderr}` : ''}`, {
      hint: 'Check that the database server is running and that services.db (host, port, adminUser, adminPassword) is right.',
      cause,
    });
    this.server = server;
    this.operation = operation;
    this.stderr = stderr;
  }
}

/** create() found the database or the user already there and left it alone. */
export class DbExistsError extends TideError {
  constructor(server: string, what: string) {
    super('DB_EXISTS', `${what} already exists on ${server}; tide does not take over a database or user it did not create.`, {
      hint: 'If it is left over from an earlier attempt, drop it (after a backup if it holds data), then apply again.',
    });
  }
}

interface Clients {
  client: string;
  dump: string;
}

/**
 * The client programs, looked up once per server and process (mariadb prefers
 * its own names, falling back to mysql's). Keyed by server name, not by
 * transport object: each operation sees its server through its own logging
 * view of the one pooled connection.
 */
const resolved = new Map<string, Promise<Clients>>();

function clients(t: Transport, flavour: 'mariadb' | 'mysql'): Promise<Clients> {
  if (flavour === 'mysql') return Promise.resolve({ client: 'mysql', dump: 'mysqldump' });
  let found = resolved.get(t.server);
  if (!found) {
    found = probeMariadbClients(t);
    found.catch(() => resolved.delete(t.server));
    resolved.set(t.server, found);
  }
  return found;
}

async function probeMariadbClients(t: Transport): Promise<Clients> {
  const probe = await t.exec('command -v mariadb; command -v mariadb-dump; true', { timeoutMs: 30_000 });
  const has = (name: string) => probe.stdout.split('\n').some((line) => line.trim().endsWith(`/${name}`));
  return { client: has('mariadb') ? 'mariadb' : 'mysql', dump: has('mariadb-dump') ? 'mariadb-dump' : 'mysqldump' };
}

/** Connection options: host, port and user only; the password travels in MYSQL_PWD. */
function connection(admin: DbAdmin): string {
  const { host, port, adminUser } = admin.config;
  return `--host=${q(host)} --port=${Number(port)} --user=${q(adminUser)} --default-character-set=utf8mb4`;
}

function execOptions(admin: DbAdmin, options: DbCommandOptions, defaultTimeout: number, stdin?: string): ExecOptions {
  return {
    timeoutMs: options.timeoutMs ?? defaultTimeout,
    ...(admin.password === undefined ? {} : { env: { MYSQL_PWD: admin.password } }),
    ...(stdin === undefined ? {} : { stdin }),
    ...(options.onOutput ? { onOutput: options.onOutput } : {}),
  };
}

async function exec(t: Transport, operation: string, command: string, options: ExecOptions): Promise<ExecResult> {
  let result: ExecResult;
  try {
    result = await t.exec(command, options);
  } catch (error) {
    // Could not run or timed out: keep the transport's error as the cause.
    throw new DbCommandError(t.server, operation, (error as Error).message, undefined, error);
  }
  if (result.exitCode !== 0) throw new DbCommandError(t.server, operation, result.stderr || result.stdout, result.exitCode);
  return result;
}

function makeType(type: 'mariadb' | 'mysql'): DbServiceType {
  /** Runs SQL from stdin; returns tab-separated rows without column names. */
  async function sql(t: Transport, admin: DbAdmin, operation: string, text: string, options: DbCommandOptions = {}): Promise<string> {
    const { client } = await clients(t, type);
    const command = `${client} ${connection(admin)} --batch --skip-column-names`;
    return (await exec(t, operation, command, execOptions(admin, options, STATEMENT_TIMEOUT_MS, text))).stdout;
  }

  async function exists(t: Transport, admin: DbAdmin, name: string, options?: DbCommandOptions): Promise<boolean> {
    const out = await sql(t, admin, `lookup of ${name}`,
      `SELECT COUNT(*) FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ${sqlString(checkDbName(name))};\n`, options);
    return out.trim() !== '0';
  }

  /** Every host part the site user has (grantHosts may have changed since it was made, or it predates them). */
  async function userHosts(t: Transport, admin: DbAdmin, user: string, options?: DbCommandOptions): Promise<string[]> {
    const out = await sql(t, admin, `lookup of user ${user}`, `SELECT Host FROM mysql.user WHERE User = ${sqlString(user)};\n`, options);
    return out.split('\n').filter((line) => line !== '');
  }

  /**
   * The lookup (neither the database nor the user may exist: tide never takes
   * one over) and the creation in one command. Its exit status says which
   * part stopped it; `check` turns that into create()'s outcome, removing
   * what a failed creation made (only once the lookup found nothing).
   */
  async function createStep(t: Transport, admin: DbAdmin, db: SiteDatabase, options: DbCommandOptions = {}): Promise<CreateStep> {
    const name = checkDbName(db.name);
    const user = checkUserName(db.user);
    checkSiteOwned(db, admin.config.adminUser);
    redactor.add(db.password);
    const { client } = await clients(t, type);
    const run = `${client} ${connection(admin)} --batch --skip-column-names`;
    const lookup = `SELECT (SELECT COUNT(*) FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ${sqlString(name)}), ` +
      `(SELECT COUNT(*) FROM mysql.user WHERE User = ${sqlString(user)});`;
    // One batch: the client stops at the first failing statement. No IF NOT
    // EXISTS: if another creator won a race, this fails instead of sharing.
    const hosts = grantHostsOf(admin.config);
    const statements = [
      `CREATE DATABASE ${sqlIdentifier(name)} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;`,
      ...hosts.flatMap((host) => [
        `CREATE USER ${sqlAccount(user, host)} IDENTIFIED BY ${sqlString(db.password)};`,
        `GRANT ALL PRIVILEGES ON ${sqlIdentifier(name)}.* TO ${sqlAccount(user, host)};`,
      ]),
    ];
    const command = [
      `found=$(${run} -e ${q(lookup)} </dev/null) || exit ${CREATE_EXIT.lookupFailed}`,
      'set -- $found',
      `[ $# -eq 2 ] || { echo "unexpected answer to the lookup: $found" >&2; exit ${CREATE_EXIT.lookupFailed}; }`,
      `[ "$1" = 0 ] || exit ${CREATE_EXIT.dbExists}`,
      `[ "$2" = 0 ] || exit ${CREATE_EXIT.userExists}`,
      `echo ${q(`${CREATING} ${name} and user ${user}`)} >&2`,
      `${run} || exit ${CREATE_EXIT.createFailed}`,
    ].join('; ');
    const operation = `creation of database ${name} and user ${user}`;
    const cleanup = async () => {
      // Whatever part was made is ours (checked absent just before): take it back so a retry starts clean.
      const drop = [`DROP DATABASE IF EXISTS ${sqlIdentifier(name)};`, ...hosts.map((h) => `DROP USER IF EXISTS ${sqlAccount(user, h)};`)];
      await sql(t, admin, `removal of database ${name}`, `${drop.join('\n')}\n`, options).catch(() => undefined);
    };
    return {
      step: {
        command, stdin: `${statements.join('\n')}\n`, timeoutMs: options.timeoutMs ?? STATEMENT_TIMEOUT_MS,
        ...(admin.password === undefined ? {} : { env: { MYSQL_PWD: admin.password } }),
      },
      async check(result) {
        const created = result.stderr.includes(CREATING);
        if (result.exitCode === null) {
          if (created) await cleanup();
          throw new DbCommandError(t.server, operation, result.error!.message, undefined, result.error);
        }
        if (result.exitCode === 0) return;
        if (result.exitCode === CREATE_EXIT.dbExists) throw new DbExistsError(t.server, `database ${name}`);
        if (result.exitCode === CREATE_EXIT.userExists) throw new DbExistsError(t.server, `database user ${user}`);
        const detail = result.stderr.replace(new RegExp(`^${CREATING}.*\\n`, 'm'), '');
        if (result.exitCode === CREATE_EXIT.lookupFailed) throw new DbCommandError(t.server, `lookup of ${name} and user ${user}`, detail, result.exitCode);
        if (/\b1007\b|database exists/i.test(detail)) throw new DbExistsError(t.server, `database ${name}`);
        if (created) await cleanup();
        throw new DbCommandError(t.server, operation, detail, result.exitCode);
      },
    };
  }

  return {
    type,

    async version(t, admin, options) {
      const out = (await sql(t, admin, 'version query', 'SELECT VERSION();\n', options)).trim();
      if (!out) throw new DbCommandError(t.server, 'version query', 'the server returned no version');
      return out;
    },

    exists,

    createStep,

    async create(t, admin, db: SiteDatabase, options) {
      const { step, check } = await createStep(t, admin, db, options);
      // stderr as it comes: a command cut off mid-creation still tells whether the lookup had passed, so check() cleans up.
      let stderr = '';
      const onOutput: DbCommandOptions['onOutput'] = (chunk, stream) => {
        if (stream === 'stderr') stderr += chunk;
        options?.onOutput?.(chunk, stream);
      };
      let result: StepResult;
      try {
        const r = await t.exec(step.command, execOptions(admin, { ...options, onOutput }, STATEMENT_TIMEOUT_MS, step.stdin as string));
        result = { command: r.command, exitCode: r.exitCode, stderr: r.stderr };
      } catch (error) {
        result = { command: step.command, exitCode: null, stderr, error: error as Error };
      }
      await check(result);
    },

    async drop(t, admin, db, options) {
      const name = checkDbName(db.name);
      const user = checkUserName(db.user);
      checkSiteOwned(db, admin.config.adminUser);
      const hosts = await userHosts(t, admin, user, options);
      const statements = [`DROP DATABASE IF EXISTS ${sqlIdentifier(name)};`, ...hosts.map((h) => `DROP USER IF EXISTS ${sqlAccount(user, h)};`)];
      await sql(t, admin, `removal of database ${name} and user ${user}`, `${statements.join('\n')}\n`, options);
    },

    async dump(t, admin, name, path, options = {}) {
      checkDbName(name);
      const { dump } = await clients(t, type);
      // pipefail: a failed dump fails the pipeline; the temp name keeps a
      // partial dump from ever having the final name, and the trap removes it.
      const script = [
        'set -eo pipefail',
        `dest=${q(path)}; tmp="$dest.tide-partial.$$"`,
        `trap 'rm -f -- "$tmp"' EXIT`,
        'mkdir -p -- "$(dirname -- "$dest")"',
        `${dump} ${connection(admin)} --single-transaction --routines --triggers --events --hex-blob ${q(name)} | gzip > "$tmp"`,
        'mv -f -- "$tmp" "$dest"',
      ].join('\n');
      await exec(t, `dump of ${name}`, `bash -c ${q(script)}`, execOptions(admin, options, DUMP_TIMEOUT_MS));
    },

    async load(t, admin, name, path, options = {}) {
      checkDbName(name);
      const { client } = await clients(t, type);
      const script = `set -o pipefail && gunzip -c -- ${q(path)} | ${client} ${connection(admin)} ${q(name)}`;
      await exec(t, `load into ${name}`, `bash -c ${q(script)}`, execOptions(admin, options, DUMP_TIMEOUT_MS));
    },
  };
}

/** Type `mariadb`: prefers the mariadb/mariadb-dump clients, falls back to mysql/mysqldump. */
export const mariadb = makeType('mariadb');
/** Type `mysql`: the mysql/mysqldump clients. */
export const mysql = makeType('mysql');
