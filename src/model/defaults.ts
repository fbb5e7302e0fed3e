// Fills in what a user may leave out. Schemas describe the defaults in words;
// this is the one place that applies them.

import type {
  Client,
  DbService,
  Fleet,
  HttpService,
  HttpServiceType,
  PhpSettings,
  Platform,
  Server,
  Site,
} from './kinds.js';

type Raw = Record<string, any>;

export const DEFAULT_STATE_BRANCH = 'tide-state';
/** Largest fleet file read by default (bytes); tide.yaml's maxFileSize changes it. */
export const DEFAULT_MAX_FILE_SIZE = 1024 * 1024;
export const MIN_MAX_FILE_SIZE = 1024;

export function defaultFleet(name = 'fleet'): Fleet {
  return {
    kind: 'Fleet',
    name,
    state: { branch: DEFAULT_STATE_BRANCH },
    prune: false,
    autoApply: false,
    concurrency: { total: 8, perServer: 2 },
    ignore: [],
    maxFileSize: DEFAULT_MAX_FILE_SIZE,
    selfHeal: false,
  };
}

export function withFleetDefaults(raw: Raw): Fleet {
  const base = defaultFleet(raw.name);
  return {
    ...base,
    ...(raw.id === undefined ? {} : { id: raw.id }),
    state: { branch: raw.state?.branch ?? base.state.branch },
    prune: raw.prune ?? base.prune,
    autoApply: raw.autoApply ?? base.autoApply,
    concurrency: {
      total: raw.concurrency?.total ?? base.concurrency.total,
      perServer: raw.concurrency?.perServer ?? base.concurrency.perServer,
    },
    ignore: raw.ignore ?? [],
    maxFileSize: raw.maxFileSize ?? base.maxFileSize,
    ...(raw.verify === undefined ? {} : { verify: { every: raw.verify.every } }),
    selfHeal: raw.selfHeal ?? base.selfHeal,
  };
}

const DEFAULT_SERVED_WITHIN = 10;

const HTTP_DEFAULTS: Record<HttpServiceType, Omit<HttpService, 'type' | 'fastcgi' | 'sudo' | 'servedWithin'>> = {
  nginx: {
    port: 80,
    httpsPort: 443,
    configDir: '/etc/nginx/sites-enabled',
    check: 'nginx -t',
    reload: 'nginx -s reload',
  },
  apache: {
    port: 80,
    httpsPort: 443,
    configDir: '/etc/apache2/sites-enabled',
    check: 'apachectl configtest',
    reload: 'apachectl graceful',
  },
  none: { port: 80, httpsPort: 443, configDir: '', check: '', reload: '' },
};

export const DEFAULT_WEB_GROUP = 'www-data';

/** Where examples/prepare-server.sh installs the pool helper, and where Debian's php-fpm keeps its sockets. */
export const DEFAULT_PHP: PhpSettings = { isolation: 'shared', poolHelper: '/usr/local/sbin/tide-php-pool', poolSocketDir: '/run/php' };

/** An unprivileged deploy user runs the web server's check and reload through sudo. */
function loginIsUnprivileged(raw: Raw): boolean {
  return (raw.transport ?? 'ssh') === 'ssh' && (raw.user ?? 'root') !== 'root';
}

function withHttpDefaults(raw: Raw | undefined, server: Raw): HttpService {
  const type: HttpServiceType = raw?.type ?? 'nginx';
  const http: HttpService = { type, ...HTTP_DEFAULTS[type], sudo: type !== 'none' && loginIsUnprivileged(server),
    servedWithin: DEFAULT_SERVED_WITHIN, ...raw };
  return http;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

/**
 * Where the web server connects to the database from, as the database sees
 * it: a database on this machine sees localhost (socket, or 127.0.0.1 when
 * it resolves names) or the loopback address itself; one elsewhere sees the
 * server's own address. Users may list more (or other) hosts.
 */
function grantHosts(db: Raw, server: Raw): string[] {
  const host: string = db.host ?? '127.0.0.1';
  const seen = db.grantHosts ?? (LOOPBACK.has(host) ? [host] : server.host ? [server.host] : []);
  return [...new Set(['localhost', ...seen])];
}

function withDbDefaults(raw: Raw | undefined, server: Raw): DbService {
  const db = { type: 'mariadb' as const, host: '127.0.0.1', port: 3306, adminUser: 'root', ...raw };
  return { ...db, grantHosts: grantHosts(db, server) };
}

export function withServerDefaults(raw: Raw): Server {
  return {
    ...raw,
    kind: 'Server',
    name: raw.name,
    transport: raw.transport ?? 'ssh',
    port: raw.port ?? 22,
    root: raw.root ?? '/var/tide',
    // No web server, no web group (the quickstart's static files), unless one is given.
    webGroup: raw.webGroup ?? ((raw.services?.http?.type ?? 'nginx') === 'none' ? undefined : DEFAULT_WEB_GROUP),
    php: { ...DEFAULT_PHP, ...raw.php },
    services: {
      http: withHttpDefaults(raw.services?.http, raw),
      db: withDbDefaults(raw.services?.db, raw),
    },
  };
}

export function withPlatformDefaults(raw: Raw): Platform {
  return {
    ...raw,
    kind: 'Platform',
    name: raw.name,
    servers: raw.servers,
    driver: raw.driver,
    source: raw.source,
    docroot: raw.docroot ?? '.',
    commands: raw.commands ?? {},
  };
}

export function withSiteDefaults(raw: Raw): Site {
  return {
    ...raw,
    kind: 'Site',
    name: raw.name,
    platform: raw.platform,
    url: raw.url ?? raw.name,
    aliases: raw.aliases ?? [],
    redirectAliases: raw.redirectAliases ?? false,
    https: raw.https ? { required: false, ...raw.https } : undefined,
    status: raw.status ?? 'enabled',
    profile: raw.profile ?? 'standard',
  };
}

export function withClientDefaults(raw: Raw): Client {
  return { ...raw, kind: 'Client', name: raw.name };
}
