// The five kinds a fleet repository holds, after defaults are applied.
// Field names are the user-facing contract (see schemas/ and DESIGN.md):
// add fields where users need more, never rename these.

export const KINDS = ['Fleet', 'Server', 'Platform', 'Site', 'Client'] as const;
export type KindName = (typeof KINDS)[number];

/** Where a document came from, so every error can point at `file:line:column`. */
export interface DocumentOrigin {
  /** Path relative to the fleet repository root, with forward slashes. */
  file: string;
  /** Index of the YAML document within the file (0-based). */
  doc: number;
}

/** A credential is never written inline: it names where to read it from. */
export type SecretRef = `env:${string}` | `file:${string}`;

export interface Fleet {
  kind: 'Fleet';
  name: string;
  /** Made by tide init; what a server root records as its owner. */
  id?: string;
  state: { branch: string };
  prune: boolean;
  /** tide daemon applies new commits on its own (otherwise it only plans). */
  autoApply: boolean;
  concurrency: { total: number; perServer: number };
  /** Glob patterns (relative to the repo root) of paths the loader skips. */
  ignore: string[];
  /** Largest fleet file, in bytes, the loader reads; larger ones are refused by name. */
  maxFileSize: number;
  /** Periodic verify by the daemon (`1d`); absent for none. */
  verify?: { every: string };
  /** Drift found by the daemon's periodic verify is repaired through a plan and apply (true) or only recorded (false). */
  selfHeal: boolean;
}

export type HttpServiceType = 'nginx' | 'apache' | 'none';
export type DbServiceType = 'mariadb' | 'mysql' | 'none';

export interface HttpService {
  type: HttpServiceType;
  port: number;
  /** Port for TLS vhosts. */
  httpsPort: number;
  configDir: string;
  check: string;
  reload: string;
  /**
   * Run check and reload through `sudo -n` (the deploy user may sudo exactly
   * these two commands). Default: true when tide logs in over ssh as a user
   * other than root.
   */
  sudo: boolean;
  /**
   * Seconds tide waits after a reload for the web server to answer with the
   * changed vhost before the operation fails (served.ts).
   */
  servedWithin: number;
  /** php-fpm address for script/drupal platforms, e.g. `unix:/run/php/php8.2-fpm.sock`. */
  fastcgi?: string;
}

export interface DbService {
  type: DbServiceType;
  host: string;
  port: number;
  adminUser: string;
  adminPassword?: SecretRef;
  /**
   * Host parts site database users are created for (user@host): where the
   * web server connects from, as the database server sees it. Always
   * includes localhost.
   */
  grantHosts: string[];
}

/** shared: every PHP site of the server in the one pool at services.http.fastcgi; per-site: a php-fpm pool and system user per site. */
export type PhpIsolation = 'shared' | 'per-site';

/** How tide runs a server's PHP sites (per-site isolation: see operations/site/pool.ts). */
export interface PhpSettings {
  isolation: PhpIsolation;
  /** The root-owned helper (examples/tide-php-pool) that makes and removes per-site pools; run through sudo like check and reload. */
  poolHelper: string;
  /** Where the helper's pools listen (its socket_dir): a site's socket is POOL_SOCKET_DIR/USER.sock. */
  poolSocketDir: string;
}

export interface Server {
  kind: 'Server';
  name: string;
  transport: 'ssh' | 'local';
  host?: string;
  port: number;
  user?: string;
  hostKey?: string;
  identity?: SecretRef;
  root: string;
  /**
   * Group the web server and PHP run as (www-data on Debian): site
   * directories belong to it (read-only, files/ writable). Unset when the
   * server has no web server and none was given.
   */
  webGroup?: string;
  php: PhpSettings;
  services: { http: HttpService; db: DbService };
}

export type PlatformDriver = 'drupal' | 'script' | 'static';

export type PlatformSource = { path: string } | { git: string; ref: string };

export interface PlatformCommands {
  install?: string;
  update?: string;
  packages?: string;
  cron?: string;
  login?: string;
}

export interface Platform {
  kind: 'Platform';
  name: string;
  servers: string[];
  driver: PlatformDriver;
  source: PlatformSource;
  build?: string;
  docroot: string;
  commands: PlatformCommands;
  /** Defaults for its sites' vars (a site's own win). */
  vars?: Record<string, string>;
  /** Overrides the Server's php.isolation for this platform's sites. */
  php?: { isolation?: PhpIsolation };
}

export type SiteStatus = 'enabled' | 'disabled' | 'deleted';

export interface SiteHttps {
  certificate: string;
  key: string;
  required: boolean;
}

export interface Site {
  kind: 'Site';
  name: string;
  platform: string;
  /** Pins the site to one of its platform's servers; otherwise tide places it. */
  server?: string;
  url: string;
  aliases: string[];
  redirectAliases: boolean;
  https?: SiteHttps;
  status: SiteStatus;
  client?: string;
  profile: string;
  /** Interval between cron runs (`30m`, `1h`), or omitted for none. */
  cron?: string;
  backups?: { every: string; keep: number };
  /** Only read when the site is created. */
  cloneFrom?: string;
  /** Free-form settings for the application (TIDE_VAR_<NAME>, settings.json "vars"); the platform's vars are defaults. */
  vars?: Record<string, string>;
}

export interface Client {
  kind: 'Client';
  name: string;
  quota?: { sites?: number };
}

export type FleetObject = Fleet | Server | Platform | Site | Client;

/** Everything the repository asks for, keyed by name, with where each came from. */
export interface DesiredState {
  fleet: Fleet;
  servers: Map<string, Server>;
  platforms: Map<string, Platform>;
  sites: Map<string, Site>;
  clients: Map<string, Client>;
  /** The commit the files were read from (null for a work tree outside git). */
  commit: string | null;
  /** sha256 over every loaded file's path and content (and platform code ids): what `apply --plan` compares. */
  digest: string;
  /** Git tree id of each platform's `source.path`, by platform name: its code's identity (set when loaded from git). */
  sourceTrees?: Map<string, string>;
}
