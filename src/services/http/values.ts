// Every value that reaches a vhost passes through here. The fleet schema has
// validated them already; this is the second lock, so that a vhost can never
// be injected even when facts come from somewhere else (state files, code).
// Allowlists, not denylists: what is not plainly safe in both nginx and
// apache syntax (quotes, ';', '{', '}', '$', '#', '|', '*', whitespace,
// newlines) is rejected with a typed error.

import { TideError } from '../../errors.js';
import type { VhostFacts } from './types.js';

/** A vhost fact holds characters that could break out of the config syntax. */
export class VhostValueError extends TideError {
  readonly field: string;

  constructor(site: string, field: string, value: unknown, expected: string) {
    super('VHOST_VALUE_INVALID', `site ${JSON.stringify(site)}: ${field} ${JSON.stringify(value)} is not ${expected}; no vhost was written.`, {
      hint: 'Vhost values must be plain host names, absolute paths of [A-Za-z0-9._/@+-] and port numbers.',
    });
    this.field = field;
  }
}

const HOSTNAME = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/;
// Same alphabet as the schema's absPath: no spaces, quotes or config syntax.
const ABS_PATH = /^(?!.*\/\.\.(?:\/|$))\/[A-Za-z0-9._/@+-]*$/;
const FASTCGI_UNIX = /^unix:(\/[A-Za-z0-9._/@+-]+)$/;
const FASTCGI_TCP = /^([A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?):([0-9]{1,5})$/;

export type FastcgiAddress = { kind: 'unix'; path: string } | { kind: 'tcp'; host: string; port: number };

function hostname(site: string, field: string, value: unknown): string {
  if (typeof value !== 'string' || !HOSTNAME.test(value)) throw new VhostValueError(site, field, value, 'a lower-case host name');
  return value;
}

function absPath(site: string, field: string, value: unknown): string {
  if (typeof value !== 'string' || !ABS_PATH.test(value)) {
    throw new VhostValueError(site, field, value, 'an absolute path of letters, digits, ".", "_", "/", "@", "+" or "-"');
  }
  return value;
}

function port(site: string, field: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 65535) {
    throw new VhostValueError(site, field, value, 'a port number from 1 to 65535');
  }
  return value;
}

export function parseFastcgi(site: string, value: string): FastcgiAddress {
  const unix = FASTCGI_UNIX.exec(value);
  if (unix) return { kind: 'unix', path: absPath(site, 'fastcgi', unix[1]) };
  const tcp = FASTCGI_TCP.exec(value);
  if (tcp) return { kind: 'tcp', host: tcp[1]!, port: port(site, 'fastcgi port', Number(tcp[2])) };
  throw new VhostValueError(site, 'fastcgi', value, 'unix:/PATH or HOST:PORT');
}

/** Validated facts plus what every template needs computed once. */
export interface SafeVhost extends Omit<VhostFacts, 'fastcgi'> {
  fastcgi: FastcgiAddress | null;
  /** Host names the site itself answers on: url, plus aliases unless they redirect. */
  names: string[];
  /** Aliases that answer with a 301 (empty unless redirectAliases). */
  redirectNames: string[];
  /** Where alias redirects point: scheme, url and port when not the default, no trailing slash. */
  canonical: string;
  /** https?.required, flat: templates run in Handlebars strict mode. */
  httpsRequired: boolean;
  /** ":8443" when httpsPort is not 443, else "" (for http → https redirects that keep the host). */
  httpsPortSuffix: string;
}

/** Checks every fact (throws VhostValueError) and derives the shared view. */
export function safeVhost(facts: VhostFacts): SafeVhost {
  const site = typeof facts.site === 'string' ? facts.site : String(facts.site);
  hostname(site, 'site', facts.site);
  const url = hostname(site, 'url', facts.url);
  if (!Array.isArray(facts.aliases)) throw new VhostValueError(site, 'aliases', facts.aliases, 'a list of host names');
  const aliases = [...new Set(facts.aliases.map((a, i) => hostname(site, `aliases[${i}]`, a)))].filter((a) => a !== url);
  const https = facts.https && {
    certificate: absPath(site, 'https.certificate', facts.https.certificate),
    key: absPath(site, 'https.key', facts.https.key),
    required: facts.https.required === true,
  };
  const httpPort = port(site, 'port', facts.port);
  const httpsPort = port(site, 'httpsPort', facts.httpsPort);
  if (https && httpPort === httpsPort) throw new VhostValueError(site, 'httpsPort', httpsPort, 'different from port');
  const redirect = facts.redirectAliases === true;
  const canonical = https
    ? `https://${url}${httpsPort === 443 ? '' : `:${httpsPort}`}`
    : `http://${url}${httpPort === 80 ? '' : `:${httpPort}`}`;
  return {
    site,
    url,
    aliases,
    redirectAliases: redirect,
    ...(https ? { https } : {}),
    port: httpPort,
    httpsPort,
    docroot: absPath(site, 'docroot', facts.docroot),
    siteDir: absPath(site, 'siteDir', facts.siteDir),
    fastcgi: facts.fastcgi === null ? null : parseFastcgi(site, facts.fastcgi),
    disabled: facts.disabled === true,
    disabledDir: absPath(site, 'disabledDir', facts.disabledDir),
    names: redirect ? [url] : [url, ...aliases],
    redirectNames: redirect ? aliases : [],
    canonical,
    httpsRequired: https?.required === true,
    httpsPortSuffix: httpsPort === 443 ? '' : `:${httpsPort}`,
  };
}

/** `<configDir>/tide-<site>.conf`, with the site name checked (it becomes a file name). */
export function vhostFileName(configDir: string, site: string): string {
  hostname(site, 'site', site);
  if (!ABS_PATH.test(configDir)) throw new VhostValueError(site, 'configDir', configDir, 'an absolute path');
  return `${configDir.replace(/\/+$/, '')}/tide-${site}.conf`;
}
