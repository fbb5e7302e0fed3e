// Preloaded into the measured process:
//   TIDE_BENCH_RSS_FILE=/tmp/rss node --import <file URL of this file> dist/cli/bin.js plan ...
// On exit it writes the process's peak resident set size in kB (Linux
// getrusage ru_maxrss) to $TIDE_BENCH_RSS_FILE, so run.mjs can read peak
// memory without any change to tide. 'exit' also fires on process.exit();
// child processes tide may start are not counted.
import { writeFileSync } from 'node:fs';

const file = process.env.TIDE_BENCH_RSS_FILE;
if (file) {
  process.on('exit', () => {
    writeFileSync(file, `${process.resourceUsage().maxRSS}\n`);
  });
}
