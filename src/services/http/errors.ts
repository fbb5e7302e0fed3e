// What can go wrong when the web server tests or reloads its configuration.

import { TideError } from '../../errors.js';
import { redactor } from '../../redact.js';
import type { ExecResult } from '../../transport/types.js';

const TAIL_LINES = 20;

/** The last lines of a command's output, redacted, for an error message. */
export function tail(text: string): string {
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
      `${path} was put back as it was and the web server was not reloaded with it. Fix the cause shown above (the site's ` +
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
