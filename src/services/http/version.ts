// The web server's version, for the server's record. Asked of the same binary
// the Server's `check` command runs (a fleet may use /usr/sbin/nginx, or an
// nginx under /opt), so the version is that of the server actually tested.

import type { HttpService } from '../../model/kinds.js';
import { shellQuote as q, type Transport } from '../../transport/types.js';

const PROGRAMS = {
  nginx: { names: /(^|\/)nginx$/, fallback: 'nginx', pattern: /nginx\/(\S+)/ },
  apache: { names: /(^|\/)(apache2|apachectl|apache2ctl|httpd)$/, fallback: 'apachectl', pattern: /Apache\/(\S+)/ },
} as const;

/** e.g. "nginx/1.22.1" or "Apache/2.4.62"; null when the program does not say. */
export async function httpVersion(t: Transport, http: HttpService): Promise<string | null> {
  if (http.type === 'none') return null;
  const program = PROGRAMS[http.type];
  const first = http.check.trim().split(/\s+/)[0] ?? '';
  const binary = program.names.test(first) ? first : program.fallback;
  const result = await t.exec(`${q(binary)} -v 2>&1`, { timeoutMs: 30_000 });
  const found = program.pattern.exec(result.stdout);
  return found ? `${http.type === 'nginx' ? 'nginx' : 'Apache'}/${found[1]}` : null;
}
