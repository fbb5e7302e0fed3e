// "Served when reported": a reload command returns before the web server
// answers with the new configuration (`nginx -s reload` only signals the
// master; old workers keep answering for a while, and a reload that silently
// does nothing looks the same). So after a reload tide asks the web server
// itself, from the server (127.0.0.1, the site's host name in the Host
// header, the http port), for the vhost's probe path until the marker of the
// new vhost answers, or, for a removed vhost, until its marker no longer
// does. One command polls every expectation, so a reload shared by many
// vhosts costs one round trip; it gives up after http.servedWithin seconds.
// One good answer right after the reload is not enough: after `nginx -s
// reload` the new workers answer while an old one may still take a
// connection. For nginx, right after the reload step in the same command,
// the wait first sees the workers from before the reload stop taking
// connections (retired-workers.ts); one good poll after that is the answer
// every new visitor gets. Where that cannot be seen (Apache, a host whose ps
// shows no nginx), every expectation must hold on two polls in a row, a
// moment apart. A poll is cheap (below) and new workers take over within
// about 0.1 s of the reload on loopback, so it polls every 50 ms: waiting
// 0.2 s between polls only added to every batch's time.

import { TideError } from '../../errors.js';
import type { HttpService } from '../../model/kinds.js';
import { shellQuote as q, type ExecOptions, type ExecResult, type Transport } from '../../transport/types.js';
import { RETIRED_FUNCTIONS, WORKERS_BEFORE } from './retired-workers.js';
import { MARKER_HEADER, PROBE_PATH, vhostProbe, type VhostProbe } from './template.js';

/** What must answer for a site's host (its url, on the vhost's http port) after a reload. */
export interface ServedExpectation extends VhostProbe {
  /** present: this marker answers (a written vhost); gone: it no longer does (a removed one). */
  expect: 'present' | 'gone';
}

/**
 * What must answer after replacing the vhost `previous` with `content`
 * (null: none): the new vhost's marker, or for a removal the old one no
 * longer (null: neither carries one, as a vhost written before markers).
 */
export function servedExpectation(content: Buffer | string | null, previous: Buffer | string | null): ServedExpectation | null {
  const wanted = vhostProbe(content);
  if (wanted) return { ...wanted, expect: 'present' };
  const old = vhostProbe(previous);
  return old ? { ...old, expect: 'gone' } : null;
}

/** What the web server answered last for one expectation. */
export interface SeenAnswer {
  /** HTTP status, or null when no HTTP answer came (connection refused, timeout, no client). */
  status: number | null;
  /** Marker in the answer, or null when it had none. */
  marker: string | null;
  /** The client's last line when no HTTP answer came. */
  error: string;
}

/** After a reload, the web server did not answer with the new configuration in time. */
export class VhostNotServedError extends TideError {
  readonly server: string;
  readonly site: string;
  readonly host: string;
  readonly port: number;
  readonly expected: ServedExpectation;
  readonly seen: SeenAnswer;

  constructor(server: string, http: HttpService, expected: ServedExpectation, seen: SeenAnswer) {
    const where = `${expected.host} on port ${expected.port} of ${server}`;
    const wanted = expected.expect === 'present'
      ? `the new vhost of site ${expected.site} (${MARKER_HEADER}: ${expected.marker}) did not answer for ${where}`
      : `the removed vhost of site ${expected.site} (${MARKER_HEADER}: ${expected.marker}) still answered for ${where}`;
    super('HTTP_VHOST_NOT_SERVED', `${wanted} within ${http.servedWithin} s of the reload; last seen: ${describeSeen(seen)}.`, {
      hint: `The reload command (\`${http.reload}\`) ran but the web server listening on port ${expected.port} kept its old configuration. ` +
        'Check that services.http.reload reloads that web server and that it includes services.http.configDir ' +
        '(`tide verify` of the server checks the include), or raise services.http.servedWithin if it is only slow; then apply again.',
    });
    this.server = server;
    this.site = expected.site;
    this.host = expected.host;
    this.port = expected.port;
    this.expected = expected;
    this.seen = seen;
  }
}

function describeSeen(seen: SeenAnswer): string {
  if (seen.status === null) return `no HTTP answer (${seen.error || 'no output'})`;
  return `HTTP ${seen.status} ${seen.marker ? `with ${MARKER_HEADER}: ${seen.marker}` : `without ${MARKER_HEADER}`}`;
}

/** The web server could not be asked at all (no curl or wget on the server). */
export class ServedProbeUnavailableError extends TideError {
  constructor(server: string) {
    super('HTTP_PROBE_UNAVAILABLE', `${server} has neither curl nor wget, which tide needs to see a reloaded vhost answer.`, {
      hint: 'Install curl on the server (apt-get install curl); `tide verify` of the server checks it.',
    });
  }
}

const NO_CLIENT = 127;

// One poll asks the web server for every expectation and prints a line
// "INDEX STATUS MARKER" each ('-' for what is missing; "INDEX - - ERROR"
// when no HTTP answer came). With curl, one process asks for all of them
// (--next), each on a connection of its own (every answer is a fresh sample
// of the workers), and one awk reads every answer: a poll costs two
// processes however big the batch, so polling every 50 ms stays cheap. With
// wget (a minimal Debian) each vhost is asked on its own. The client's own
// timeout keeps one attempt short.
const WGET_SEEN = `tide_seen() {
  wget -S -O /dev/null -T 2 -t 1 --max-redirect=0 --header="Host: $2" "http://127.0.0.1:$3${PROBE_PATH}" 2>&1 | awk -v i="$1" '
    { sub(/\\r$/, ""); if ($0 != "") last = $0; line = tolower($0) }
    line ~ /^ *http\\/[0-9.]* [0-9][0-9][0-9]/ { s = line; sub(/^ *http\\/[0-9.]* /, "", s); status = substr(s, 1, 3) }
    line ~ /^ *${MARKER_HEADER.toLowerCase()}:/ { m = line; sub(/^[^:]*: */, "", m); sub(/[^0-9a-f].*$/, "", m); marker = m }
    END { if (status != "") print i, status, (marker == "" ? "-" : marker); else print i, "- -", last }'
}`;

// curl's -w line ends each answer; an error line of curl's own (--stderr -: on stdout, in order) is what a failed one saw.
const CURL_READ = `awk '
    BEGIN { n = 0 }
    { sub(/\\r$/, ""); line = tolower($0) }
    line ~ /^${MARKER_HEADER.toLowerCase()}:/ { m = line; sub(/^[^:]*: */, "", m); sub(/[^0-9a-f].*$/, "", m); marker = m; next }
    /^tide-seen [0-9][0-9][0-9]$/ { if ($2 == "000") print n, "- -", (err == "" ? "no answer" : err); else print n, $2, (marker == "" ? "-" : marker); n++; marker = ""; err = ""; next }
    /^curl: / { err = $0 }'`;

/** `tide_poll`: a line per expectation, in order. */
function pollFunction(checks: readonly ServedExpectation[]): string {
  const curl = checks.map((c) => `-sS --max-time 2 -o /dev/null -D - -w 'tide-seen %{http_code}\\n' -H ${q(`Host: ${c.host}`)} ` +
    `-H 'Connection: close' ${q(`http://127.0.0.1:${Number(c.port)}${PROBE_PATH}`)}`).join(' --next ');
  const wget = checks.map((c, i) => `tide_seen ${i} ${q(c.host)} ${Number(c.port)}`).join('; ');
  return `tide_poll() {
  if command -v curl >/dev/null 2>&1; then
    curl --stderr - ${curl} | ${CURL_READ}
  else
    ${wget}
  fi
}`;
}

/**
 * The one command that polls every expectation until all hold, or `seconds`
 * pass. When the reload step before it noted nginx's workers, it first waits
 * (looking every 20 ms, a `ps`) until the old ones have retired, then one
 * poll where every expectation holds is enough: from then on every new
 * connection meets a new worker. Polling before that would only see old and
 * new workers by turns. Without that knowledge (Apache, a host where ps
 * shows no nginx) all must hold on two polls in a row, 50 ms apart. When at
 * the end every expectation holds and only an old worker is left taking
 * connections (its master started a worker for another reason, a crashed
 * one's replacement), it succeeds: the vhost answers, and the worker is not
 * its to fail.
 */
export function servedCommand(checks: readonly ServedExpectation[], seconds: number): string {
  const wanted = checks.map((c, i) => `${i}) want=${q(c.marker)} mode=${c.expect} ;;`).join(' ');
  return `command -v curl >/dev/null 2>&1 || command -v wget >/dev/null 2>&1 || exit ${NO_CLIENT}
${WGET_SEEN}
${pollFunction(checks)}
${RETIRED_FUNCTIONS}
tide_check() {
  ok=1; report=''; n=0
  seen=$(tide_poll)
  while read -r i status marker rest; do
    case $i in ${wanted} *) continue ;; esac
    n=$((n + 1))
    if [ "$mode" = present ] && [ "$marker" = "$want" ]; then continue; fi
    if [ "$mode" = gone ] && [ "$status" != - ] && [ "$marker" != "$want" ]; then continue; fi
    ok=0; report="$report$i $status $marker\${rest:+ $rest}
"
  done <<TIDE_SEEN
$seen
TIDE_SEEN
  [ "$n" -eq ${checks.length} ] || ok=0
}
end=$(( $(date +%s) + ${seconds} ))
held=0
while :; do
  if tide_retired; then
    tide_check
    if [ "$ok" = 1 ]; then
      if [ -n "\${${WORKERS_BEFORE}:-}" ] || [ "$held" = 1 ]; then exit 0; fi
      held=1; sleep 0.05; continue
    fi
    held=0
    if [ "$(date +%s)" -ge "$end" ]; then printf '%s' "$report"; exit 1; fi
    sleep 0.05
  elif [ "$(date +%s)" -ge "$end" ]; then
    tide_check; [ "$ok" = 1 ] && exit 0; printf '%s' "$report"; exit 1
  else
    sleep 0.02
  fi
done`;
}

function parseSeen(line: string): SeenAnswer {
  const [status = '-', marker = '-', ...rest] = line.split(' ');
  return { status: status === '-' ? null : Number(status), marker: marker === '-' ? null : marker, error: rest.join(' ') };
}

/** How the served command reaches the server: a transport's exec, or one shared by several operations' logs. */
export type ServedExec = (command: string, options: ExecOptions) => Promise<ExecResult>;

/** How long the served command may take: http.servedWithin, and a margin for the command itself. */
export function servedTimeoutMs(http: HttpService): number {
  return (http.servedWithin + 30) * 1000;
}

/**
 * What the served command's result says: for each expectation null when it
 * holds, else the VhostNotServedError naming it. `report`: what it printed
 * on stdout (or wherever it was sent).
 */
export function servedOutcome(
  server: string, http: HttpService, checks: readonly ServedExpectation[], result: { exitCode: number; report: string; stderr: string },
): (VhostNotServedError | null)[] {
  if (result.exitCode === 0) return checks.map(() => null);
  if (result.exitCode === NO_CLIENT) throw new ServedProbeUnavailableError(server);
  // The report has a line per expectation still unmet: "INDEX STATUS MARKER [ERROR]".
  const unmet = new Map([...result.report.matchAll(/^(\d+) (.*)$/gm)].map((m) => [Number(m[1]), parseSeen(m[2]!)]));
  const otherwise = unmet.size === 0 ? parseSeen(`- - exit ${result.exitCode} ${result.stderr.trim()}`) : null;
  return checks.map((check, i) => {
    const seen = unmet.get(i) ?? otherwise;
    return seen ? new VhostNotServedError(server, http, check, seen) : null;
  });
}

/**
 * Polls every expectation on `server`'s web server until all hold or
 * http.servedWithin passes, in one command; returns for each expectation
 * null when it holds, else the VhostNotServedError naming it.
 */
export async function servedFailures(
  exec: ServedExec, server: string, http: HttpService, checks: readonly ServedExpectation[],
): Promise<(VhostNotServedError | null)[]> {
  if (checks.length === 0) return [];
  const result = await exec(servedCommand(checks, http.servedWithin), {
    what: `waiting for the web server to answer with the new vhosts (${checks.map((c) => c.host).join(', ')})`,
    timeoutMs: servedTimeoutMs(http),
  });
  return servedOutcome(server, http, checks, { exitCode: result.exitCode, report: result.stdout, stderr: result.stderr });
}

/**
 * Waits until every expectation holds on `t`'s web server; throws
 * VhostNotServedError for the first that does not within http.servedWithin.
 */
export async function waitUntilServed(
  t: Transport, http: HttpService, checks: ServedExpectation[], options: Pick<ExecOptions, 'onOutput'> = {},
): Promise<void> {
  const failures = await servedFailures((command, o) => t.exec(command, { ...o, ...options }), t.server, http, checks);
  const first = failures.find((f) => f !== null);
  if (first) throw first;
}
