// How long tide waits for a command before it kills it. Two limits, each
// overridable from the environment: tide's own short commands (file reads and
// writes, mkdir, mv, verify's probes) and application commands (installers,
// builds, dumps, copies between servers). Every remote call gets one of them:
// a server that stops answering, or a FIFO where a file should be, must end
// in a clear error, never in an apply that hangs holding the state lock.

import { TideError } from '../errors.js';

export const IO_TIMEOUT_VAR = 'TIDE_IO_TIMEOUT_SECONDS';
export const COMMAND_TIMEOUT_VAR = 'TIDE_COMMAND_TIMEOUT_SECONDS';
export const RELOAD_WAIT_VAR = 'TIDE_RELOAD_WAIT_SECONDS';

const DEFAULT_IO_SECONDS = 120;
const DEFAULT_COMMAND_SECONDS = 1800;
const DEFAULT_RELOAD_WAIT_SECONDS = 2;

const DEFAULTS: Record<string, number> = {
  [IO_TIMEOUT_VAR]: DEFAULT_IO_SECONDS, [COMMAND_TIMEOUT_VAR]: DEFAULT_COMMAND_SECONDS, [RELOAD_WAIT_VAR]: DEFAULT_RELOAD_WAIT_SECONDS,
};

/** A timeout variable holds something other than a positive number of seconds. */
export class TimeoutSettingError extends TideError {
  constructor(name: string, value: string) {
    super('TIMEOUT_SETTING_INVALID', `${name} is ${JSON.stringify(value)}, not a number of seconds; nothing was run.`, {
      hint: `Set ${name} to a number of seconds greater than 0 (e.g. ${DEFAULTS[name] ?? DEFAULT_IO_SECONDS}), or unset it for the default.`,
    });
  }
}

/** Limit for tide's own short commands and file transfers within a server. */
export function ioTimeoutMs(env: NodeJS.ProcessEnv = process.env): number {
  return secondsSetting(env, IO_TIMEOUT_VAR, DEFAULT_IO_SECONDS);
}

/** Limit for application commands and copies between servers. */
export function commandTimeoutMs(env: NodeJS.ProcessEnv = process.env): number {
  return secondsSetting(env, COMMAND_TIMEOUT_VAR, DEFAULT_COMMAND_SECONDS);
}

/**
 * How long a vhost change may wait in its server's reload group for the
 * server's other operations to reach theirs (services/http/reload-group.ts):
 * one long installer must not hold back everyone else's vhosts.
 */
export function reloadWaitMs(env: NodeJS.ProcessEnv = process.env): number {
  return secondsSetting(env, RELOAD_WAIT_VAR, DEFAULT_RELOAD_WAIT_SECONDS);
}

/** Fails with TimeoutSettingError when any variable is set to nonsense: called before a command takes the lock. */
export function checkTimeoutSettings(env: NodeJS.ProcessEnv = process.env): void {
  ioTimeoutMs(env);
  commandTimeoutMs(env);
  reloadWaitMs(env);
}

function secondsSetting(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback * 1000;
  // Number('') is 0 and Number('1e3') is 1000: accept plain decimals only.
  if (!/^\s*\d+(\.\d+)?\s*$/.test(raw)) throw new TimeoutSettingError(name, raw);
  const ms = Math.round(Number(raw) * 1000);
  if (!(ms > 0) || !Number.isSafeInteger(ms)) throw new TimeoutSettingError(name, raw);
  return ms;
}

/** "500 ms", "2 s", "30 min": a limit as an error message says it. */
export function formatLimit(ms: number): string {
  if (ms < 1000 || ms % 1000 !== 0) return `${ms} ms`;
  const s = ms / 1000;
  return s >= 120 && s % 60 === 0 ? `${s / 60} min` : `${s} s`;
}
