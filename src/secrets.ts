// Credentials are never written in the fleet: they are references, read here
// and registered with the redactor before anyone can log them. A command that
// reaches servers registers every secret of the fleet before it runs
// anything, so a command on one server cannot print another server's
// credentials either (DESIGN.md: redaction in one place).

import { readFileSync } from 'node:fs';
import { TideError } from './errors.js';
import type { DesiredState } from './model/kinds.js';
import { secretRefs } from './model/secret-refs.js';
import { redactor } from './redact.js';

export class SecretUnavailableError extends TideError {
  constructor(ref: string, why: string, hint: string) {
    super('SECRET_UNAVAILABLE', `cannot read the secret ${ref}: ${why}`, { hint });
  }
}

/**
 * Resolves `env:NAME` or `file:PATH` (relative paths from cwd) to its value.
 * A file loses its trailing line break: editors add one, and a password or
 * key is the same without it.
 */
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
      value = readFileSync(path.startsWith('/') ? path : `${cwd}/${path}`, 'utf8').replace(/(?:\r?\n)+$/, '');
    } catch (error) {
      throw new SecretUnavailableError(ref, (error as Error).message, 'Check the path and its permissions.');
    }
  } else {
    throw new SecretUnavailableError(ref, 'a secret reference starts with env: or file:', 'Write env:NAME or file:PATH.');
  }
  redactor.add(value);
  return value;
}

/**
 * Reads and registers every secret the fleet references; called as a
 * command that reaches servers starts, before anything runs on them. One
 * that cannot be read is not an error here (an apply limited to one server
 * needs only that server's): tide does not hold it, so nothing of tide's
 * can print it, and the server that needs it reports it when it is used.
 */
export function registerFleetSecrets(desired: DesiredState, env: NodeJS.ProcessEnv, cwd: string): void {
  for (const ref of secretRefs(desired)) {
    try {
      readSecret(ref, env, cwd);
    } catch (error) {
      if (!(error instanceof SecretUnavailableError)) throw error;
    }
  }
}
