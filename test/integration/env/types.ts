// What the integration environment (global-setup.ts) hands to tests through
// vitest's provide/inject: real services on loopback, started in a temp dir.

export interface TestSshServer {
  /** Fleet name for this server: web1, web2. */
  name: string;
  host: '127.0.0.1';
  port: number;
  /**
   * The unprivileged deploy user tide logs in as (made by
   * examples/prepare-server.sh: in the web group, owns root and
   * http.configDir, may sudo only http.check and http.reload). Root may log
   * in too, with the same client key.
   */
  user: string;
  /** Group nginx's workers and php-fpm's pool run as. */
  webGroup: 'www-data';
  /** The server's host key as tide pins it: "ssh-ed25519 AAAA...". */
  hostKey: string;
  /** Directory the fleet's Server.root points at (platforms/, sites/, backups/ go here). */
  root: string;
  /**
   * The per-site PHP pool helper prepare-server.sh --php-pools installed for
   * this run (Server php.poolHelper) and where its pools listen
   * (php.poolSocketDir). Fleets use them only with php.isolation: per-site.
   */
  php: { poolHelper: string; poolSocketDir: string };
  http: {
    /**
     * Port this server's own nginx listens on. Bound like tide's vhosts
     * ("listen PORT;", all addresses) but serving loopback clients only.
     */
    port: number;
    /**
     * Free port reserved for this server's TLS vhosts (Server.services.http.httpsPort):
     * both nginx run on one machine, so they cannot share 443. Nothing listens
     * on it until a TLS vhost does.
     */
    httpsPort: number;
    /** Directory nginx includes `*.conf` from: where tide writes vhosts. */
    configDir: string;
    /** Config test command, e.g. "nginx -c /tmp/.../nginx.conf -t". */
    check: string;
    /** Reload command, e.g. "nginx -c /tmp/.../nginx.conf -s reload". */
    reload: string;
    /** php-fpm address for fastcgi_pass, "unix:/tmp/.../php-fpm.sock". */
    fastcgi: string;
  };
}

export interface TestServices {
  /** Temp dir everything lives under; removed at teardown. */
  dir: string;
  ssh: {
    /** Private key (OpenSSH format, unencrypted) authorized on both servers. */
    clientKeyPath: string;
    servers: TestSshServer[];
    /**
     * A user on web1's sshd that was never prepared: not in the web group,
     * no sudo, a root and vhost directory it cannot write, the vhost
     * directory not included by nginx. For `tide verify`'s preconditions.
     */
    badlyPrepared: TestSshServer;
  };
  db: {
    type: 'mariadb';
    host: '127.0.0.1';
    port: number;
    adminUser: string;
    adminPassword: string;
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** This worker's environment (worker-services.ts picks it from `environments`). */
    services: TestServices;
    /** One environment per worker, in VITEST_POOL_ID order (1, 2, ...). */
    environments: TestServices[];
  }
}
