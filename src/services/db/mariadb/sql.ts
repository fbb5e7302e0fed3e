// SQL text and names for MariaDB/MySQL: quoting, the names tide derives for a
// site's database and user, and the site's generated password.

import { createHash, randomInt } from 'node:crypto';
import { TideError } from '../../../errors.js';
import type { DbService } from '../../../model/kinds.js';
import { redactor } from '../../../redact.js';

/** Database names: MariaDB's limit is 64 characters. */
export const MAX_DB_NAME = 64;
/** User names: 32 is MySQL 5.7+'s limit (MariaDB allows 80). */
export const MAX_USER_NAME = 32;
const IDENTIFIER = /^[A-Za-z0-9_]+$/;

/** A database or user name outside [A-Za-z0-9_] or too long. */
export class DbNameError extends TideError {
  constructor(what: 'database' | 'user', name: string, max: number) {
    super('DB_NAME_INVALID', `${JSON.stringify(name)} is not a valid ${what} name for tide: use 1 to ${max} of A-Z, a-z, 0-9 and _.`);
  }
}

export function checkDbName(name: string): string {
  if (typeof name !== 'string' || name.length > MAX_DB_NAME || !IDENTIFIER.test(name)) throw new DbNameError('database', name, MAX_DB_NAME);
  return name;
}

export function checkUserName(name: string): string {
  if (typeof name !== 'string' || name.length > MAX_USER_NAME || !IDENTIFIER.test(name)) throw new DbNameError('user', name, MAX_USER_NAME);
  return name;
}

/** The server's own databases and accounts: never a site's, whatever a record or a site name says. */
const SYSTEM_DATABASES = new Set(['mysql', 'information_schema', 'performance_schema', 'sys']);
const SYSTEM_USERS = new Set(['root', 'mysql', 'mariadb.sys', 'mysql.sys', 'mysql.session', 'mysql.infoschema', 'debian-sys-maint']);

/** A database or user that belongs to the server (or is the admin tide connects as). */
export class DbReservedError extends TideError {
  constructor(what: 'database' | 'user', name: string) {
    super('DB_NAME_RESERVED', `${what} ${name} belongs to the database server itself; tide never creates or drops it for a site.`, {
      hint: 'A site whose database would get this name needs another name; a state record that names it was not written by tide.',
    });
  }
}

/**
 * Refuses the server's system databases and accounts and the admin user:
 * checked before anything is created or dropped. Compared without case, as
 * servers on case-insensitive file systems do.
 */
export function checkSiteOwned(db: { name: string; user: string }, adminUser?: string): void {
  if (SYSTEM_DATABASES.has(db.name.toLowerCase())) throw new DbReservedError('database', db.name);
  const user = db.user.toLowerCase();
  if (SYSTEM_USERS.has(user) || user === adminUser?.toLowerCase()) throw new DbReservedError('user', db.user);
}

/** `name` as an identifier; backticks doubled although checked names have none. */
export function sqlIdentifier(name: string): string {
  return `\`${name.replace(/`/g, '``')}\``;
}

/** A string literal, escaped as mysql_real_escape_string does. */
export function sqlString(value: string): string {
  const escaped = value.replace(/[\\'"\0\n\r\x1a]/g, (c) =>
    ({ '\\': '\\\\', "'": "\\'", '"': '\\"', '\0': '\\0', '\n': '\\n', '\r': '\\r', '\x1a': '\\Z' })[c]!);
  return `'${escaped}'`;
}

/**
 * Host parts each site user is created for: 'localhost' (the socket, and
 * 127.0.0.1 when the server resolves names) and the Server's grantHosts,
 * where the web server connects from. Never '%': a site's password must not
 * open its database from anywhere else.
 */
export function grantHostsOf(config: Pick<DbService, 'grantHosts'>): string[] {
  return [...new Set(['localhost', ...(config.grantHosts ?? [])])];
}

export function sqlAccount(user: string, host: string): string {
  return `${sqlString(user)}@${sqlString(host)}`;
}

function shortHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 8);
}

/**
 * `blog.example.com` → `blog_example_com`. '.' becomes '_' and '-' becomes
 * '__', which is one-to-one for host names (a label never starts or ends
 * with '-', so '_' runs decode unambiguously): distinct sites never share a
 * name unless the name had to be shortened, and then an 8-hex-digit hash of
 * the site name keeps them apart.
 */
function encode(siteName: string, max: number): string {
  const lower = siteName.toLowerCase();
  const plain = /^[a-z0-9.-]+$/.test(lower);
  const encoded = lower.replace(/\./g, '_').replace(/-/g, '__').replace(/[^a-z0-9_]/g, '_');
  if (plain && encoded.length <= max) return encoded;
  return `${encoded.slice(0, max - 9)}_${shortHash(siteName)}`;
}

/**
 * The database and user names for a site: deterministic, valid identifiers.
 * `copy` > 1 names the copy a migrate, restore or clone loads the site's data
 * into (`blog_example_com_c3`), so the live database stays untouched until
 * the switch. Should a name still collide, create() refuses (DB_EXISTS).
 */
export function siteDatabaseNames(siteName: string, copy = 1): { name: string; user: string } {
  const suffix = copy > 1 ? `_c${copy}` : '';
  return { name: encode(siteName, MAX_DB_NAME - suffix.length) + suffix, user: encode(siteName, MAX_USER_NAME - suffix.length) + suffix };
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** 32 characters of [A-Za-z0-9] from the OS's CSPRNG (~190 bits), registered with the redactor. */
export function generatePassword(length = 32): string {
  let password = '';
  for (let i = 0; i < length; i++) password += ALPHABET[randomInt(ALPHABET.length)];
  redactor.add(password);
  return password;
}
