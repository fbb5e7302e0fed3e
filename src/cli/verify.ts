import { parseCommandArgs } from './args.js';
import { EXIT_CHANGES, EXIT_OK, type Command } from './command.js';

export const verifyCommand: Command = {
  name: 'verify',
  summary: 'Check recorded servers, platforms and sites against the servers and record any drift',
  help: `Usage: tide verify [--repo DIR] [--server NAME]... [--detailed-exitcode]

Connects to every server of the fleet (host keys pinned, as for apply) and
checks, without changing anything on them: that the server is prepared for
the user tide logs in as (web group, writable root and vhost directory, the
vhost directory included by the web server, sudo for check and reload, the
PHP socket), each missing piece named with its fix; that its web server's
config test and database pass; that each platform's code is what was
deployed; that each site still has its directory (group and modes as tide
sets them), settings file, vhost (as tide wrote it) and database. What it
finds is committed to the state branch (servers never applied are only
reported; nothing is committed when nothing drifted or changed); a site with drift gets a verify operation in the next plan, which
rewrites its settings and vhost and repairs its ownership and permissions.

Options:
  --repo DIR            fleet repository (default: the current directory)
  --server NAME         only these servers (repeatable)
  --detailed-exitcode   exit 0 when nothing drifted, 2 when something did, 1 on error
`,
  async run(args, io) {
    const { values } = parseCommandArgs('verify', args, {
      repo: { type: 'string' },
      server: { type: 'string', multiple: true },
      'detailed-exitcode': { type: 'boolean' },
    });
    const { verifyFleet } = await import('../apply/verify.js'); // ssh2 and friends: only when verifying
    const report = await verifyFleet({ repo: values.repo, cwd: io.cwd, env: io.env, servers: values.server ?? [] });
    const { servers, platforms, sites } = report.checked;
    io.stdout.write(`Checked ${servers} servers, ${platforms} platform deployments, ${sites} sites.\n`);
    for (const f of report.findings) {
      io.stdout.write(`! ${f.kind} ${f.name}${f.kind === 'server' ? '' : ` on ${f.server}`}\n`);
      for (const d of f.drift) io.stdout.write(`    ${d}\n`);
    }
    for (const n of report.notChecked) io.stdout.write(`- not checked: ${n}\n`);
    io.stdout.write(report.findings.length === 0
      ? 'No drift: the servers match what tide recorded.\n'
      : `${report.findings.length} drifted. Run 'tide plan' to see the repairs (drifted sites get a verify), then 'tide apply'.\n`);
    io.stdout.write(report.stateCommit
      ? `Recorded on ${report.branch} at ${report.stateCommit.slice(0, 7)}.\n`
      : `Nothing new to record; ${report.branch} is unchanged.\n`);
    return values['detailed-exitcode'] && report.findings.length > 0 ? EXIT_CHANGES : EXIT_OK;
  },
};
