// The registry of database service types: operations ask for a Server's
// db.type here and never name mariadb or mysql themselves.

import { TideError } from '../../errors.js';
import type { DbService } from '../../model/kinds.js';
import { mariadb, mysql } from './mariadb/index.js';
import type { DbServiceType } from './types.js';

const TYPES: ReadonlyMap<string, DbServiceType> = new Map([mariadb, mysql].map((t) => [t.type, t]));

export class UnknownDbServiceError extends TideError {
  constructor(type: string) {
    super('DB_SERVICE_UNKNOWN', `no database service type ${JSON.stringify(type)}; tide knows ${[...TYPES.keys()].join(', ')}.`);
  }
}

/** The implementation of a db service type ('none' has none: check before asking). */
export function dbServiceType(type: DbService['type'] | string): DbServiceType {
  const found = TYPES.get(type);
  if (!found) throw new UnknownDbServiceError(type);
  return found;
}

export type { DbAdmin, DbCommandOptions, DbServiceType, SiteDatabase } from './types.js';
export { checkSiteOwned, DbCommandError, DbExistsError, DbNameError, DbReservedError, generatePassword, siteDatabaseNames } from './mariadb/index.js';
