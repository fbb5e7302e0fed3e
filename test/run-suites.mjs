// `npm test`: the unit tests (no services) and the integration tests (one
// shared set of real servers, one file at a time) run side by side, so the
// whole suite takes about as long as the integration tests alone. Their JSON
// reports are merged into test-results.json for .ci/run.

import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';

const suites = [
  { name: 'unit', config: 'vitest.unit.config.ts', report: 'test-results.unit.json' },
  { name: 'integration', config: 'vitest.config.ts', report: 'test-results.integration.json' },
];

function run({ config }) {
  return new Promise((resolve) => {
    const child = spawn('npx', ['vitest', 'run', '--config', config, ...process.argv.slice(2)], { stdio: 'inherit' });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

const codes = await Promise.all(suites.map(run));
const merged = { numPassedTests: 0, numFailedTests: 0, numPendingTests: 0, numTodoTests: 0, numTotalTests: 0, testResults: [] };
for (const suite of suites) {
  try {
    const report = JSON.parse(readFileSync(suite.report, 'utf8'));
    for (const key of ['numPassedTests', 'numFailedTests', 'numPendingTests', 'numTodoTests', 'numTotalTests']) merged[key] += report[key] ?? 0;
    merged.testResults.push(...(report.testResults ?? []));
  } catch {
    console.error(`The ${suite.name} tests left no report (${suite.report}).`);
    merged.numFailedTests += 1;
  }
}
writeFileSync('test-results.json', JSON.stringify(merged));
suites.forEach((suite, i) => console.log(`${suite.name} tests: ${codes[i] === 0 ? 'passed' : `failed (exit ${codes[i]})`}`));
process.exit(codes.some((c) => c !== 0) || merged.numFailedTests > 0 ? 1 : 0);
