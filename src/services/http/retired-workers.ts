// nginx's reload is not over when its new workers answer. On SIGHUP the
// master reads the config, starts new workers, lets old and new take
// connections side by side for 0.1 s ("allow new processes to start"), and
// only then tells the old ones to stop. Until an old worker has heard that,
// a new visitor's connection is a coin toss between the old configuration
// and the new one, and the served wait (served.ts) can see the new vhost on
// two polls in a row inside that window. So the reload step notes nginx's
// active workers just before it reloads, in a variable of the command that
// runs the served wait right after it (vhost-batch.ts), and the served
// wait asks for the vhosts only once one of them is seen gone or retiring
// and every one whose master has started new workers is: nginx renames a
// worker "worker process is shutting down" in the same breath as it closes
// its listening sockets.
// Workers of a master that started none (another nginx on the host) are not
// waited for, and when ps shows no nginx (hidepid, a container) the served
// wait's two polls in a row are all there is. Apache needs no more than
// those: its graceful restart showed no such window (services-http.test.ts
// asks as nginx's test does), and its process titles would give no sign.

import type { HttpService } from '../../model/kinds.js';
import type { ShellStep } from '../../shell/steps.js';
import { httpCommand } from './commands.js';

/** The variable the reload step leaves for the served wait: nginx's active workers before the reload, as "pid:ppid" words. */
export const WORKERS_BEFORE = 'tide_workers_before';

// Active workers as "pid:ppid" words; a retiring one's title has more words.
const ACTIVE_WORKERS = 'tide_nginx_workers() { ps -e -o pid= -o ppid= -o args= 2>/dev/null | ' +
  `awk '$3 == "nginx:" && $4 == "worker" && $5 == "process" && NF == 5 { printf "%s:%s ", $1, $2 }'; }`;

/**
 * Shell functions for the served wait: `tide_retired` succeeds once a
 * worker from before the reload has retired (or is gone) and none is still
 * active under a master that has started new ones; at once when the reload
 * step noted none. Seeing one retire is what says the reload got that far:
 * right after the signal, before the master has started its new workers,
 * no master looks renewed, and "none active under a renewed master" alone
 * would hold while the old workers still take every connection.
 */
export const RETIRED_FUNCTIONS = `${ACTIVE_WORKERS}
tide_retired() {
  [ -n "\${${WORKERS_BEFORE}:-}" ] || return 0
  waiting=$(tide_nginx_workers | awk -v before="$${WORKERS_BEFORE}" '
    BEGIN { n = split(before, b, " "); for (i = 1; i <= n; i++) { split(b[i], f, ":"); old[f[1]] = f[2] } RS = " " }
    $0 != "" { split($0, f, ":"); if (f[1] in old) active[f[1]] = f[2]; else renewed[f[2]] = 1 }
    END { retired = 0; for (p in old) if (!(p in active)) retired++; n = 0; for (p in active) if (active[p] in renewed) n++; print (retired > 0 && n == 0) ? 0 : 1 }')
  [ "$waiting" = 0 ]
}`;

/**
 * The reload as a step. For nginx it notes the active workers first, in
 * the command's own shell (inline) so that the served wait after it sees
 * them; the reload itself runs in a subshell of its own, whatever it does.
 */
export function reloadStep(http: HttpService, timeoutMs: number): ShellStep {
  const reload = httpCommand(http, 'reload');
  if (http.type !== 'nginx') return { command: `{ ${reload}; } >&2`, timeoutMs };
  return { command: `${ACTIVE_WORKERS}; ${WORKERS_BEFORE}=$(tide_nginx_workers); ( ${reload} ) >&2`, timeoutMs, inline: true };
}
