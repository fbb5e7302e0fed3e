// Runs commands on an operation's server: every command is logged (redacted)
// with its output streamed into the operation log, and a non-zero exit
// becomes a CommandFailedError. `transport` is the same logging view, handed
// to services so their commands land in the log too.

import { redactor } from '../redact.js';
import type { ExecOptions, ExecResult, OutputStream, Transport } from '../transport/types.js';
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
  /** Runs and logs a command; also returns its output in arrival order, for an error message. */
  const execLogged = async (command: string, options: ExecOptions = {}) => {
    log.line(`$ ${command}${options.cwd ? `   (in ${options.cwd})` : ''}${output ? '' : '   (output not logged: it holds a secret)'}`);
    const chunks: OutputChunk[] = [];
    const result = await transport.exec(command, {
      timeoutMs: SHORT_TIMEOUT_MS,
      ...options,
      onOutput: (text, stream) => {
        if (output) {
          log.output(text, stream);
          chunks.push({ text, stream });
        }
        options.onOutput?.(text, stream);
      },
    }).finally(() => log.flush());
    return { result, chunks };
  };
  const logged: Transport = {
    server: transport.server,
    exec: (command, options) => execLogged(command, options).then((r) => r.result),
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
      const { result, chunks } = await execLogged(command, options);
      if (result.exitCode !== 0) throw new CommandFailedError(transport.server, what, command, result.exitCode, redactedStderr(chunks));
      return result;
    },
  };
}

interface OutputChunk {
  text: string;
  stream: OutputStream;
}

/**
 * A failed command's stderr for its error message, redacted with its stdout
 * in between as it arrived: a secret cut between the two streams is masked
 * in both (stderr alone would show the part it holds).
 */
function redactedStderr(chunks: OutputChunk[]): string {
  const texts = redactor.redactPieces(chunks.map((c) => c.text));
  return texts.filter((_, i) => chunks[i]!.stream === 'stderr').join('');
}
