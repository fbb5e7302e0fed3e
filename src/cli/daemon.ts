import { createHash } from 'node:crypto';
import { join, resolve } from 'node:path';
import ms from 'ms';
import { parseCommandArgs } from './args.js';
import { EXIT_ERROR, EXIT_OK, type Command, type CommandIO } from './command.js';
import { DaemonConfigError } from '../daemon/errors.js';
import { isLogFormat } from '../daemon/log.js';
import { userCacheDir } from '../fleet/cache-file.js';
import { redactor } from '../redact.js';

export const DEFAULT_LISTEN = '127.0.0.1:9420';

export const daemonCommand: Command = {
  name: 'daemon',
  summary: 'Follow the fleet repository: plan (and apply) each new commit, serve probes and metrics',
  help: `Usage: tide daemon [--repo PATH|URL] [--branch NAME] [--interval 2m] [--auto-apply] [--listen HOST:PORT] [--cache-dir DIR] [--log-format text|json]

Clones the fleet repository into a cache directory and fetches its tracked
branch every --interval (with jitter). On a new commit it plans; with
auto-apply (this flag, or autoApply: true in tide.yaml) it applies and pushes
the state branch, otherwise it keeps the plan pending (GET /plan) until
someone applies it (POST /apply?plan=HASH, or tide apply). One reconcile at a
time, under the same state lock as tide apply. A commit whose apply failed is
retried after a backoff (seconds doubling up to minutes), on a new commit, or
on POST /reconcile. Operations an earlier run left unfinished are recovered
first. SIGTERM lets running operations finish, pushes the state, releases the
lock and exits 0.

Options:
  --repo PATH|URL        the fleet repository: a local path or an HTTP(S) git URL (default: .)
  --branch NAME          branch to follow (default: the repository's default branch)
  --interval DURATION    how often to fetch: 30s, 2m, 1h (default: 2m; ±10% jitter)
  --auto-apply           apply each new commit (default: what tide.yaml's autoApply says, off)
  --listen HOST:PORT     where the HTTP endpoints listen (default: ${DEFAULT_LISTEN}); any
                         address but loopback needs TIDE_DAEMON_TOKEN
  --cache-dir DIR        the daemon's clone (default: $CACHE_DIRECTORY, else ~/.cache/tide,
                         then a directory named after the repository)
  --log-format FORMAT    text (default) or json: one line per event on stderr
  --shutdown-timeout D   how long SIGTERM waits for running operations (default: 10m)

Endpoints: GET /livez, /readyz, /metrics (Prometheus), /plan; POST /webhook
(GitHub push events, when TIDE_WEBHOOK_SECRET is set), /reconcile, /apply?plan=HASH.

Environment:
  TIDE_GIT_TOKEN         token for an HTTP(S) fleet repository (sent as the password)
  TIDE_GIT_USER          user name sent with it (default: x-access-token, as GitHub wants)
  TIDE_WEBHOOK_SECRET    the GitHub webhook's secret; without it POST /webhook is off
  TIDE_DAEMON_TOKEN      bearer token for every endpoint but /livez, /readyz and /webhook
                         (required when --listen is not a loopback address)
  and the variables the fleet's env: references name (SSH keys, database passwords).
`,
  async run(args, io) {
    const { values } = parseCommandArgs('daemon', args, {
      repo: { type: 'string' },
      branch: { type: 'string' },
      interval: { type: 'string' },
      'auto-apply': { type: 'boolean' },
      listen: { type: 'string' },
      'cache-dir': { type: 'string' },
      'log-format': { type: 'string' },
      'shutdown-timeout': { type: 'string' },
    });
    const logFormat = values['log-format'] ?? 'text';
    if (!isLogFormat(logFormat)) throw new DaemonConfigError(`--log-format must be text or json, not '${logFormat}'.`);
    const { host, port } = parseListen(values.listen ?? DEFAULT_LISTEN);
    const token = io.env.TIDE_DAEMON_TOKEN || undefined;
    if (!isLoopback(host) && !token) {
      throw new DaemonConfigError(`--listen ${host}:${port} is reachable from other machines, and TIDE_DAEMON_TOKEN is not set; the daemon did not start.`,
        'Set TIDE_DAEMON_TOKEN to a long random value (callers send Authorization: Bearer TOKEN), or listen on 127.0.0.1.');
    }
    const webhookSecret = io.env.TIDE_WEBHOOK_SECRET || undefined;
    for (const secret of [token, webhookSecret, io.env.TIDE_GIT_TOKEN]) redactor.add(secret);
    const remote = values.repo ?? '.';

    const [{ Daemon }, { createLogger }, { builtinPlugins }] = await Promise.all([
      import('../daemon/daemon.js'), import('../daemon/log.js'), import('../daemon/builtin.js'),
    ]);
    const log = createLogger(io.stderr, logFormat);
    const intervalMs = parseDuration('--interval', values.interval ?? '2m');
    const daemon = new Daemon({
      remote, branch: values.branch, intervalMs, autoApply: values['auto-apply'] ?? false,
      cacheDir: values['cache-dir'] ? resolve(io.cwd, values['cache-dir']) : defaultCacheDir(remote, io),
      host, port, token, webhookSecret, env: io.env, cwd: io.cwd, log, plugins: builtinPlugins({ env: io.env, cwd: io.cwd }),
      shutdownTimeoutMs: parseDuration('--shutdown-timeout', values['shutdown-timeout'] ?? '10m'),
      retry: { initialMs: 10_000, maxMs: 10 * 60_000 },
      stuckLockMs: Math.max(60 * 60_000, 2 * intervalMs),
    });
    await daemon.start();
    let stopping: Promise<boolean> | null = null;
    const onSignal = (name: NodeJS.Signals): void => {
      if (stopping) {
        log.warn('daemon.quit', { signal: name, note: 'second signal: quitting now; running operations are recovered at the next start' });
        process.exit(130);
      }
      log.info('daemon.stopping', { signal: name, note: 'no new operation starts; running ones finish and are recorded' });
      stopping = daemon.stop();
    };
    process.on('SIGTERM', onSignal);
    process.on('SIGINT', onSignal);
    try {
      await daemon.finished();
      const inTime = await (stopping ?? daemon.stop());
      if (!inTime) log.error('daemon.stopped', { note: 'operations were still running at the shutdown timeout; the next start recovers them' });
      else log.info('daemon.stopped', {});
      return inTime ? EXIT_OK : EXIT_ERROR;
    } finally {
      process.off('SIGTERM', onSignal);
      process.off('SIGINT', onSignal);
    }
  },
};

/** `30s`, `2m`, `1h`, `500ms`: a whole number and a unit, read with the ms package (as the schedules' intervals are). */
export function parseDuration(option: string, text: string): number {
  const value = /^\d+(ms|s|m|h)$/.test(text.trim()) ? ms(text.trim() as ms.StringValue) : NaN;
  if (!(value > 0)) throw new DaemonConfigError(`${option} must be a duration such as 30s, 2m or 1h, not '${text}'.`);
  return value;
}

function parseListen(text: string): { host: string; port: number } {
  const match = /^(?:\[([^\]]+)\]|([^:]+)):(\d+)$/.exec(text);
  const port = Number(match?.[3]);
  if (!match || !(port >= 0 && port < 65536)) {
    throw new DaemonConfigError(`--listen must be HOST:PORT (such as 127.0.0.1:9420 or [::1]:9420), not '${text}'.`);
  }
  return { host: match[1] ?? match[2]!, port };
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/** One directory per repository: systemd's CacheDirectory, else the user's cache. */
function defaultCacheDir(remote: string, io: CommandIO): string {
  const base = userCacheDir(io.env);
  const id = /^[a-z][a-z0-9+.-]*:\/\//i.test(remote) || /^[\w.-]+@[\w.-]+:/.test(remote) ? remote : resolve(io.cwd, remote);
  const name = (id.replace(/\.git\/?$/, '').split(/[/:]/).filter(Boolean).at(-1) ?? 'fleet').replace(/[^\w.-]/g, '_');
  return join(base, `${name}-${createHash('sha256').update(id).digest('hex').slice(0, 8)}`);
}
