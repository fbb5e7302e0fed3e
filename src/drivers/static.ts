// Plain files: the vhost serves the platform's docroot; no database, no
// installer, no packages, nothing to run on a schedule, nobody to log in.

import type { Driver } from './types.js';

export const staticDriver: Driver = {
  name: 'static',
  usesDatabase: false,
  usesPhp: false,
  async install() {},
  async update() {},
  async sitePackages() {
    return null;
  },
  async platformPackages() {
    return null;
  },
  hasLoginCommand: () => false,
  async loginLink() {
    return null;
  },
  async cron() {},
  siteFiles() {
    return [];
  },
};
