// The web server's config test and reload as tide runs them. An unprivileged
// deploy user runs them through `sudo -n` (never a password prompt: a
// missing sudoers entry fails at once), and may run nothing else as root.

import type { HttpService } from '../../model/kinds.js';

export type HttpCommand = 'check' | 'reload';

export function httpCommand(http: HttpService, which: HttpCommand): string {
  return http.sudo ? `sudo -n ${http[which]}` : http[which];
}
