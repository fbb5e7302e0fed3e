// Runs commands on an operation's server: every command is logged (redacted)
// with its output streamed into the operation log, and a non-zero exit
// becomes a CommandFailedError. `transport` is the same logging view, handed
// to services so their commands land in the log too.

import { redactor } from '../redact.js';
import type { ExecOptions, ExecResult, OutputStream, Transport } from '../transport/types.js';
import { CommandFailedError } from './errors.js';
import type { OperationLog } from './log.js';
import type { OperationSlot } from './slot.js';

// tide's own commands (mkdir, mv, file reads and writes) get the transport's
// default limit, TIDE_IO_TIMEOUT_SECONDS; application commands (installers,
// builds, dumps) ask for this one.
export { commandTimeoutMs } from '../transport/timeouts.js';

export interface ShellOptions {
  /** False: commands are logged, their output is not (it holds a secret). */
  output?: boolean;
  /** The operation's run tag (run-tag.ts): every process started through this shell carries it. */
  tag?: string;
  /** The operation's executor slot: services park it while they only wait (shell/slot.ts). */
  slot?: OperationSlot;
  /** Awaited once before the first call reaches the server (a peer's server is recorded in the running marker first). */
  beforeFirstUse?: () => Promise<void>;
}

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

/** How a logging view logs a command it did not run itself (one shared by several operations). */
interface SharedLogging {
  tag?: string;
  ready(): Promise<void>;
  start(command: string, note: string): void;
  output(text: string, stream: OutputStream): void;
  end(): void;
}

const sharedLogging = new WeakMap<Transport, SharedLogging>();

const slots = new WeakMap<Transport, OperationSlot>();

/** The executor slot of the operation a logging view belongs to (none: not run by the executor). */
export function slotOf(t: Transport): OperationSlot | undefined {
  return slots.get(t);
}

/** The server's own transport under a logging view (the transport itself when it is not one): one per server and run. */
export function serverTransport(t: Transport): Transport {
  return unlogged.get(t) ?? t;
}

/**
 * Runs `command` once on the server under `views` (logging views of
 * operations on that one server, or its transport itself), logged with its
 * output into the log of every one of them, `note` saying on whose behalf
 * it ran: one config test for the vhosts of many operations. `stdoutInLog`
 * false: its stdout is data (a file's old bytes), not for the logs.
 */
export async function execForAll(
  views: readonly Transport[], command: string, note: string, options: ExecOptions = {}, { stdoutInLog = true } = {},
): Promise<ExecResult> {
  const logs = views.map((v) => sharedLogging.get(v)).filter((l): l is SharedLogging => l !== undefined);
  await Promise.all(logs.map((l) => l.ready()));
  for (const l of logs) l.start(command, note);
  try {
    return await serverTransport(views[0]!).exec(command, {
      tag: logs.find((l) => l.tag)?.tag,
      ...options,
      onOutput: (text, stream) => {
        if (stdoutInLog || stream === 'stderr') for (const l of logs) l.output(text, stream);
        options.onOutput?.(text, stream);
      },
    });
  } finally {
    for (const l of logs) l.end();
  }
}

export function shellFor(transport: Transport, log: OperationLog, shellOptions: ShellOptions = {}): Shell {
  const { output = true, tag } = shellOptions;
  let first: Promise<void> | undefined;
  const marked = () => (first ??= shellOptions.beforeFirstUse?.() ?? Promise.resolve());
  /** Before each command of its own: the peer's marker once, and a slot again if the operation parked (shell/slot.ts). */
  const ready = async () => {
    await marked();
    await shellOptions.slot?.working();
  };
  /** Runs and logs a command; also returns its output in arrival order, for an error message. */
  const execLogged = async (command: string, options: ExecOptions = {}) => {
    await ready();
    log.line(`$ ${command}${options.cwd ? `   (in ${options.cwd})` : ''}${output ? '' : '   (output not logged: it holds a secret)'}`);
    const chunks: OutputChunk[] = [];
    const result = await transport.exec(command, {
      tag,
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
    async writeFile(path, content, mode, fileOptions) {
      await ready();
      log.line(`write ${path}${mode === undefined ? '' : ` (mode ${mode.toString(8)})`}`);
      return transport.writeFile(path, content, mode, { tag, ...fileOptions });
    },
    async replaceFile(path, content, mode, fileOptions) {
      await ready();
      log.line(content === null ? `remove ${path}` : `write ${path}${mode === undefined ? '' : ` (mode ${mode.toString(8)})`}`);
      return transport.replaceFile(path, content, mode, { tag, ...fileOptions });
    },
    async readFile(path, fileOptions) {
      await ready();
      return transport.readFile(path, { tag, ...fileOptions });
    },
    async copyFileTo(path, target, dest, mode, fileOptions) {
      await ready();
      log.line(`copy ${transport.server}:${path} → ${target.server}:${dest}${mode === undefined ? '' : ` (mode ${mode.toString(8)})`}`);
      return transport.copyFileTo(path, serverTransport(target), dest, mode, { tag, ...fileOptions });
    },
    close: () => transport.close(),
  };
  unlogged.set(logged, transport);
  if (shellOptions.slot) slots.set(logged, shellOptions.slot);
  sharedLogging.set(logged, {
    tag,
    // A shared command is its batch's, not a command of this operation's own: no slot needed.
    ready: marked,
    start: (command, note) => log.line(`$ ${command}   (${note})${output ? '' : '   (output not logged: it holds a secret)'}`),
    output: (text, stream) => void (output && log.output(text, stream)),
    end: () => log.flush(),
  });
  return {
    transport: logged,
    probe: (command, options) => logged.exec(command, options),
    quiet: () => shellFor(transport, log, { ...shellOptions, output: false }),
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
