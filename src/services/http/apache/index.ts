// apache: one <VirtualHost> per port and role (alias redirect, the site on
// http, the site on https), in `tide-<site>.conf` under http.configDir
// (Debian's apache2.conf includes sites-enabled/*.conf).

import type { HttpServiceType, VhostFacts } from '../types.js';
import { compileVhostTemplate } from '../template.js';
import { safeVhost, vhostFileName, type FastcgiAddress } from '../values.js';
import { APACHE_VHOST } from './template.js';

const render = compileVhostTemplate(APACHE_VHOST);

/** mod_proxy_fcgi handler; the `fcgi://localhost` after a socket only names the worker. */
function fastcgiHandler(address: FastcgiAddress): string {
  return address.kind === 'unix'
    ? `proxy:unix:${address.path}|fcgi://localhost`
    : `proxy:fcgi://${address.host}:${address.port}`;
}

export const apache: HttpServiceType = {
  type: 'apache',
  vhostPath: (config, site) => vhostFileName(config.configDir, site),
  renderVhost(facts: VhostFacts): string {
    const view = safeVhost(facts);
    return render({
      ...view,
      servedAliases: view.names.slice(1),
      redirectRest: view.redirectNames.slice(1),
      fastcgiHandler: view.fastcgi && fastcgiHandler(view.fastcgi),
    });
  },
};
