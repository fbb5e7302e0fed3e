// Runs commands on an operation's server: every command is logged (redacted)
// with its output streamed into the operation log, and a non-zero exit
// becomes a CommandFailedError. `transport` is the same logging view, handed
// to services so their commands land in the log too.

import type { ExecOptions, ExecResult, Transport } from '../transport/types.js';
import { CommandFailedError } from './errors.js';
import type { OperationLog } from './log.js';

/** Default limit for tide's own housekeeping commands (mkdir, mv, tar...). */
export const SHORT_TIMEOUT_MS = 120_000;
/** Default limit for application commands (installers, builds, dumps). */
export const LONG_TIMEOUT_MS = Number(process.env.TIDE_COMMAND_TIMEOUT_SECONDS ?? 1800) * 1000;

export interface Shell {
  /** The server's transport, logging every command into the operation log. */
  readonly transport: Transport;
  /** Runs `command`; rejects with CommandFailedError on a non-zero exit. */
  run(what: string, command: string, options?: ExecOptions): Promise<ExecResult>;
  /** Runs `command` and returns its result whatever the exit code. */
  probe(command: string, options?: ExecOptions): Promise<ExecResult>;
  /** The same shell without output in the log, for commands that print a secret (a login link). */
  quiet(): Shell;
}

/** The transport under each logging view, so a copy between two views uses the transports themselves. */
const unlogged = new WeakMap<Transport, Transport>();

export function shellFor(transport: Transport, log: OperationLog, { output = true } = {}): Shell {
  const logged: Transport = {
    server: transport.server,
    exec(command, options = {}) {
      log.line(`$ ${command}${options.cwd ? `   (in ${options.cwd})` : ''}${output ? '' : '   (output not logged: it holds a secret)'}`);
      return transport.exec(command, {
        timeoutMs: SHORT_TIMEOUT_MS,
        ...options,
        onOutput: (chunk, stream) => {
          if (output) log.output(chunk, stream);
          options.onOutput?.(chunk, stream);
        },
      }).finally(() => log.flush());
    },
    writeFile(path, content, mode) {
      log.line(`write ${path}${mode === undefined ? '' : ` (mode ${mode.toString(8)})`}`);
      return transport.writeFile(path, content, mode);
    },
    readFile: (path) => transport.readFile(path),
    copyFileTo(path, target, dest, mode) {
      log.line(`copy ${transport.server}:${path} → ${target.server}:${dest}${mode === undefined ? '' : ` (mode ${mode.toString(8)})`}`);
      return transport.copyFileTo(path, unlogged.get(target) ?? target, dest, mode);
    },
    close: () => transport.close(),
  };
  unlogged.set(logged, transport);
  return {
    transport: logged,
    probe: (command, options) => logged.exec(command, options),
    quiet: () => shellFor(transport, log, { output: false }),
    async run(what, command, options) {
      const result: ExecResult = await logged.exec(command, options);
      if (result.exitCode !== 0) throw new CommandFailedError(transport.server, what, command, result.exitCode, output ? result.stderr : '');
      return result;
    },
  };
}
