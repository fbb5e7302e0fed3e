// A database service (mariadb, mysql) as tide uses it: one database and one
// user per site, dump and load. Admin credentials come from the Server's
// db service (adminPassword is a secret reference, resolved by the caller).

import type { DbService } from '../../model/kinds.js';
import type { ShellStep, StepResult } from '../../shell/steps.js';
import type { ExecOptions, Transport } from '../../transport/types.js';

export interface DbAdmin {
  config: DbService;
  /** Resolved admin password (already registered with the redactor), or undefined for socket auth. */
  password: string | undefined;
}

export interface SiteDatabase {
  name: string;
  user: string;
  /** Generated; lives only on the server (site settings) and in memory. */
  password: string;
}

/** Optional for every call: the operation log and a limit per command. */
export interface DbCommandOptions {
  onOutput?: ExecOptions['onOutput'];
  /** Default: 2 minutes for statements, 6 hours for dump and load. */
  timeoutMs?: number;
}

export interface DbServiceType {
  type: Exclude<DbService['type'], 'none'>;
  /** Server version string, e.g. "10.11.6-MariaDB"; throws a typed error when it does not answer. */
  version(t: Transport, admin: DbAdmin, options?: DbCommandOptions): Promise<string>;
  exists(t: Transport, admin: DbAdmin, name: string, options?: DbCommandOptions): Promise<boolean>;
  /**
   * Creates the database and a user that may use only it (from the web server's host).
   * Refuses (DB_EXISTS) when the database or the user already exists: tide never takes one over.
   */
  create(t: Transport, admin: DbAdmin, db: SiteDatabase, options?: DbCommandOptions): Promise<void>;
  /** create() as a step of a combined command (shell/steps.ts), and what its end means (check throws create()'s errors). */
  createStep(t: Transport, admin: DbAdmin, db: SiteDatabase, options?: DbCommandOptions): Promise<CreateStep>;
  /** Drops the database and the user; absent ones are not an error. */
  drop(t: Transport, admin: DbAdmin, db: { name: string; user: string }, options?: DbCommandOptions): Promise<void>;
  /** Dumps the database to a gzip file on the server. */
  dump(t: Transport, admin: DbAdmin, name: string, path: string, options?: DbCommandOptions): Promise<void>;
  /** Loads a gzip dump made by dump() into an (existing, empty) database. */
  load(t: Transport, admin: DbAdmin, name: string, path: string, options?: DbCommandOptions): Promise<void>;
}

/** A database creation folded into a combined command. */
export interface CreateStep {
  step: ShellStep;
  check(result: StepResult): Promise<void>;
}
