// Preloaded into the benchmarked daemon (node --expose-gc --import <this file>):
// on SIGUSR2 it collects garbage twice and writes the process's memory to
// $TIDE_BENCH_PROBE_FILE as one JSON line (heap used after a full GC is
// what stays reachable: if it climbs from poll to poll, something keeps a
// per-poll object). With $TIDE_BENCH_HEAP_SNAPSHOTS=DIR it also writes a heap
// snapshot there (slow and large: for finding what grows, not for figures).
// On exit it writes the peak resident set (kB) to $TIDE_BENCH_RSS_FILE.
// Nothing of tide changes: the daemon is the built CLI as users run it.
import { appendFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeHeapSnapshot } from 'node:v8';

const probeFile = process.env.TIDE_BENCH_PROBE_FILE;
const snapshots = process.env.TIDE_BENCH_HEAP_SNAPSHOTS;
const rssFile = process.env.TIDE_BENCH_RSS_FILE;
let probes = 0;

if (probeFile) {
  process.on('SIGUSR2', () => {
    if (typeof globalThis.gc !== 'function') throw new Error('probe.mjs needs node --expose-gc');
    globalThis.gc();
    globalThis.gc();
    probes += 1;
    const memory = process.memoryUsage();
    if (snapshots) writeHeapSnapshot(join(snapshots, `probe-${probes}.heapsnapshot`));
    appendFileSync(probeFile, `${JSON.stringify({ probe: probes, ...memory })}\n`);
  });
}
if (rssFile) process.on('exit', () => writeFileSync(rssFile, `${process.resourceUsage().maxRSS}\n`));
