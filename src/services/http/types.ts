// An HTTP service (nginx, apache) as tide uses it: render a site's vhost from
// the facts below. Writing it, the config test and the reload are the same
// for every type (see vhost.ts), driven by the Server's `check`/`reload`.

import type { HttpService } from '../../model/kinds.js';

export interface VhostFacts {
  /** Site name (identity); also names the vhost file. */
  site: string;
  /** Main host name. */
  url: string;
  aliases: string[];
  /** Aliases answer with a 301 to the main URL instead of serving the site. */
  redirectAliases: boolean;
  /** TLS from certificate paths on the server; `required` adds an http → https redirect. */
  https?: { certificate: string; key: string; required: boolean };
  /** Ports from the Server's http service. */
  port: number;
  httpsPort: number;
  /** Absolute directory served (platform code dir + docroot). */
  docroot: string;
  /** Absolute site directory, handed to PHP as the FastCGI parameter TIDE_SITE_DIR. */
  siteDir: string;
  /** php-fpm address (`unix:/run/php/php8.2-fpm.sock` or `127.0.0.1:9000`); null for static sites. */
  fastcgi: string | null;
  /** Serve the "site disabled" page (503) instead of the site. */
  disabled: boolean;
  /** Absolute directory holding the disabled page (`index.html`). */
  disabledDir: string;
}

export interface HttpServiceType {
  type: Exclude<HttpService['type'], 'none'>;
  /** Where the site's vhost file goes. */
  vhostPath(config: HttpService, site: string): string;
  renderVhost(facts: VhostFacts): string;
}
