// Where tide keeps things on a server, all under the Server's root.

import type { Server } from '../model/kinds.js';

export function serverDirs(server: Server) {
  const root = server.root.replace(/\/+$/, '');
  return {
    root,
    platforms: `${root}/platforms`,
    sites: `${root}/sites`,
    backups: `${root}/backups`,
    config: `${root}/config`,
    /** The "site disabled" page every disabled vhost serves. */
    disabled: `${root}/config/disabled`,
    /** The "down for maintenance" page a site serves while a migrate or restore holds its data still. */
    maintenance: `${root}/config/maintenance`,
  };
}

export const platformDir = (server: Server, platform: string): string => `${serverDirs(server).platforms}/${platform}`;
export const siteDir = (server: Server, site: string): string => `${serverDirs(server).sites}/${site}`;
export const siteBackupsDir = (server: Server, site: string): string => `${serverDirs(server).backups}/${site}`;
export const SETTINGS_FILE = 'settings.json';
