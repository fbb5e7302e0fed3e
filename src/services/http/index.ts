// The registry of HTTP service types: operations ask for a Server's
// http.type here and never name nginx or apache themselves.

import { TideError } from '../../errors.js';
import type { HttpService } from '../../model/kinds.js';
import { apache } from './apache/index.js';
import { nginx } from './nginx/index.js';
import type { HttpServiceType } from './types.js';

const TYPES: ReadonlyMap<string, HttpServiceType> = new Map([nginx, apache].map((t) => [t.type, t]));

export class UnknownHttpServiceError extends TideError {
  constructor(type: string) {
    super('HTTP_SERVICE_UNKNOWN', `no HTTP service type ${JSON.stringify(type)}; tide knows ${[...TYPES.keys()].join(', ')}.`);
  }
}

/** The implementation of an http service type ('none' has none: sites need a web server). */
export function httpServiceType(type: HttpService['type'] | string): HttpServiceType {
  const found = TYPES.get(type);
  if (!found) throw new UnknownHttpServiceError(type);
  return found;
}

export const httpServiceTypes = (): HttpServiceType[] => [...TYPES.values()];

export type { HttpServiceType, VhostFacts } from './types.js';
export { VhostValueError } from './values.js';
