// Credentials are never written in the fleet: they are references, read here
// at apply time and registered with the redactor before anyone can log them.

import { readFileSync } from 'node:fs';
import { TideError } from './errors.js';
import { redactor } from './redact.js';

export class SecretUnavailableError extends TideError {
  constructor(ref: string, why: string, hint: string) {
    super('SECRET_UNAVAILABLE', `cannot read the secret ${ref}: ${why}`, { hint });
  }
}

/** Resolves `env:NAME` or `file:PATH` (relative paths from cwd) to its value. */
export function readSecret(ref: string, env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): string {
  let value: string;
  if (ref.startsWith('env:')) {
    const name = ref.slice(4);
    const found = env[name];
    if (found === undefined || found === '') {
      throw new SecretUnavailableError(ref, `the environment variable ${name} is not set`, `Export ${name} before running tide.`);
    }
    value = found;
  } else if (ref.startsWith('file:')) {
    const path = ref.slice(5);
    try {
      value = readFileSync(path.startsWith('/') ? path : `${cwd}/${path}`, 'utf8');
    } catch (error) {
      throw new SecretUnavailableError(ref, (error as Error).message, 'Check the path and its permissions.');
    }
  } else {
    throw new SecretUnavailableError(ref, 'a secret reference starts with env: or file:', 'Write env:NAME or file:PATH.');
  }
  redactor.add(value);
  return value;
}
