// Debian's headless Chromium, as a person's browser would load a page: the
// DOM after parsing, and a screenshot. Loopback only: every other address
// goes to a proxy that is not there, and Chromium's own background traffic
// (updates, sync, metrics) is switched off.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { ensureBinaries } from '../env/packages.js';

const FLAGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--no-default-browser-check',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-default-apps',
  '--metrics-recording-only', '--disable-extensions', '--proxy-server=http://127.0.0.1:9', '--window-size=1280,1400',
];

async function chromium(args: string[]): Promise<string> {
  const { chromium: bin } = await ensureBinaries();
  const profile = mkdtempSync(join(tmpdir(), 'tide-chromium-'));
  try {
    const run = await execa(bin, [...FLAGS, `--user-data-dir=${profile}`, ...args], { timeout: 60_000, reject: false, all: false });
    if (run.exitCode !== 0) throw new Error(`chromium ${args.join(' ')} failed (exit ${run.exitCode}):\n${run.stderr}`);
    return run.stdout;
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

/** The page's DOM as Chromium built it. */
export function dumpDom(url: string): Promise<string> {
  if (!/^http:\/\/127\.0\.0\.1:\d+\//.test(url)) throw new Error(`chromium is for loopback pages only, not ${url}`);
  return chromium(['--dump-dom', url]);
}

/** Saves a PNG of the page at `path`. */
export async function screenshot(url: string, path: string): Promise<void> {
  if (!/^http:\/\/127\.0\.0\.1:\d+\//.test(url)) throw new Error(`chromium is for loopback pages only, not ${url}`);
  await chromium([`--screenshot=${path}`, url]);
}
