// nginx: one `server` block per role (alias redirect, http → https redirect,
// the site), in `tide-<site>.conf` under the Server's http.configDir.

import type { HttpServiceType, VhostFacts } from '../types.js';
import { compileVhostTemplate } from '../template.js';
import { safeVhost, vhostFileName, type FastcgiAddress } from '../values.js';
import { NGINX_VHOST } from './template.js';

const render = compileVhostTemplate(NGINX_VHOST);

function fastcgiPass(address: FastcgiAddress): string {
  return address.kind === 'unix' ? `unix:${address.path}` : `${address.host}:${address.port}`;
}

export const nginx: HttpServiceType = {
  type: 'nginx',
  vhostPath: (config, site) => vhostFileName(config.configDir, site),
  renderVhost(facts: VhostFacts): string {
    const view = safeVhost(facts);
    return render({ ...view, fastcgiPass: view.fastcgi && fastcgiPass(view.fastcgi) });
  },
};
