// Writing, testing and reloading a vhost, the same for every HTTP service
// type: the Server's `check` and `reload` commands do the type-specific part.
// The rule: a config that fails its check is never reloaded, and the file is
// put back as it was before the check result is reported. When told which
// site and host a vhost serves, a reload is only done once the web server
// answers with the new vhost (served.ts).

import { TideError } from '../../errors.js';
import type { HttpService } from '../../model/kinds.js';
import { redactor } from '../../redact.js';
import { shellQuote, type ExecOptions, type ExecResult, type Transport } from '../../transport/types.js';
import { httpCommand } from './commands.js';
import { servedExpectation, waitUntilServed } from './served.js';

export interface VhostTaskOptions {
  /** Output of check and reload as it arrives (the operation log). */
  onOutput?: ExecOptions['onOutput'];
  /** Per command; default 60 s. */
  timeoutMs?: number;
  /**
   * After the reload, wait until the web server answers with the change
   * (the new vhost's marker, or a removed one's no longer): served.ts.
   */
  waitServed?: boolean;
}

const DEFAULT_TIMEOUT_MS = 60_000;
const TAIL_LINES = 20;

function tail(text: string): string {
  const lines = text.trimEnd().split('\n');
  return redactor.redact(lines.slice(-TAIL_LINES).join('\n')).slice(-4000);
}

abstract class HttpCommandError extends TideError {
  readonly server: string;
  readonly command: string;
  readonly exitCode: number;
  readonly stderr: string;

  constructor(code: string, what: string, result: ExecResult, server: string, hint: string) {
    const stderr = tail(result.stderr || result.stdout);
    const command = redactor.redact(result.command);
    super(code, `${what} on ${server} failed (\`${command}\` exited with ${result.exitCode})${stderr ? `:\n${stderr}` : ''}`, { hint });
    this.server = server;
    this.command = command;
    this.exitCode = result.exitCode;
    this.stderr = stderr;
  }
}

/** The web server rejected its configuration; the vhost was restored (or removed) and nothing was reloaded. */
export class HttpConfigTestError extends HttpCommandError {
  constructor(result: ExecResult, server: string, path: string) {
    super('HTTP_CONFIG_TEST_FAILED', `the web server's config test after writing ${path}`, result, server,
      `${path} was put back as it was and the web server was not reloaded. Fix the cause shown above (the site's ` +
        'certificate paths, a module that is not enabled, another file in the config) and apply again.');
  }
}

/** The config test passed but the reload command failed: the running server may still use the old config. */
export class HttpReloadError extends HttpCommandError {
  /** The vhost's content before this change, for restoreVhost() (null: there was none). */
  readonly previous: Buffer | null;

  constructor(result: ExecResult, server: string, previous: Buffer | null) {
    super('HTTP_RELOAD_FAILED', 'reloading the web server', result, server,
      'Check that the web server is running and that the reload command in services.http.reload works on the server.');
    this.previous = previous;
  }
}

function execOptions(options: VhostTaskOptions): ExecOptions {
  return { timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS, ...(options.onOutput ? { onOutput: options.onOutput } : {}) };
}

async function put(t: Transport, path: string, content: Buffer | string | null, options: VhostTaskOptions): Promise<void> {
  if (content !== null) {
    await t.writeFile(path, content, 0o644);
    return;
  }
  const removed = await t.exec(`rm -f -- ${shellQuote(path)}`, execOptions(options));
  if (removed.exitCode !== 0) {
    throw new TideError('HTTP_VHOST_REMOVE_FAILED', `cannot remove ${path} on ${t.server}: ${tail(removed.stderr)}`);
  }
}

/**
 * After `path` was changed to `content` (what it held before: `previous`):
 * tests the config, with `previous` put back on any failure of the check (a
 * failing exit code or the command not running at all), then reloads, and
 * with `waitServed` waits until the change answers.
 */
async function checkReload(
  t: Transport, http: HttpService, path: string, content: Buffer | string | null, previous: Buffer | null, options: VhostTaskOptions,
): Promise<void> {
  let check: ExecResult;
  try {
    check = await t.exec(httpCommand(http, 'check'), execOptions(options));
  } catch (error) {
    await put(t, path, previous, options);
    throw error;
  }
  if (check.exitCode !== 0) {
    await put(t, path, previous, options);
    throw new HttpConfigTestError(check, t.server, path);
  }
  const reload = await t.exec(httpCommand(http, 'reload'), execOptions(options));
  if (reload.exitCode !== 0) throw new HttpReloadError(reload, t.server, previous);
  const expectation = options.waitServed ? servedExpectation(content, previous) : null;
  if (expectation) await waitUntilServed(t, http, [expectation], options.onOutput ? { onOutput: options.onOutput } : {});
}

/**
 * Writes a vhost (reading what was there in the same round trip), tests the
 * config and reloads; returns what was there before (the undo's input).
 */
export async function installVhost(
  t: Transport, http: HttpService, path: string, content: string, options: VhostTaskOptions = {},
): Promise<{ previous: Buffer | null }> {
  const previous = await t.replaceFile(path, content, 0o644);
  await checkReload(t, http, path, content, previous, options);
  return { previous };
}

/** The undo of installVhost: puts back `previous` (or removes the file), tests and reloads. */
export async function restoreVhost(
  t: Transport, http: HttpService, path: string, previous: Buffer | null, options: VhostTaskOptions = {},
): Promise<void> {
  const current = await t.replaceFile(path, previous, 0o644);
  await checkReload(t, http, path, previous, current, options);
}

/**
 * Removes a vhost, tests and reloads; a removal that breaks the config is
 * put back. Returns what was there (null: there was no file, and nothing
 * was tested or reloaded).
 */
export async function removeVhost(t: Transport, http: HttpService, path: string, options: VhostTaskOptions = {}): Promise<{ previous: Buffer | null }> {
  const previous = await t.replaceFile(path, null);
  if (previous) await checkReload(t, http, path, null, previous, options);
  return { previous };
}
