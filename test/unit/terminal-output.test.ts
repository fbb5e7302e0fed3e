// Output is safe to print: a string from the state branch or a fleet file
// never reaches the terminal with its control characters (an ESC sequence
// that clears the screen or retitles the window, a CR that overwrites a
// line). The CLI's streams escape them; tide's own plan colours survive.

import { cpSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { renderText } from '../../src/plan/render/text.js';
import fc from 'fast-check';
import { encodeJson, escapeControls, printsAsIs, rawStream, terminalStream } from '../../src/terminal.js';
import { forgeState } from '../helpers/forge-state.js';
import { git, removeGitCliRepos, tempDir } from '../helpers/git-cli.js';
import { op, plan as planOf } from '../helpers/plan-objects.js';

afterAll(removeGitCliRepos);

const EXAMPLE = resolve(import.meta.dirname, '../../examples/quickstart');
/** Clear the screen, retitle the window, overwrite the line, reverse the text. */
const HOSTILE = '\x1b[2J\x1b]0;pwned\x07\r\u202e\x9b31m';

class Captured extends Writable {
  text = '';
  isTTY = false;
  override _write(chunk: Buffer, _encoding: string, done: () => void): void {
    this.text += chunk.toString('utf8');
    done();
  }
}

async function run(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new Captured();
  const stderr = new Captured();
  const code = await main(args, { stdout, stderr, env: { NO_COLOR: '1' }, cwd });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

function fleetRepo(): string {
  const dir = tempDir('tide-terminal-');
  cpSync(EXAMPLE, dir, { recursive: true });
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'fleet');
  return dir;
}

const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e]/;

describe('escapeControls', () => {
  it('shows every control character escaped, newlines too unless asked to keep lines', () => {
    expect(escapeControls(`a${HOSTILE}b\n\tc`)).toBe('a\\u001b[2J\\u001b]0;pwned\\u0007\\r\\u202e\\u009b31mb\\n\\tc');
    expect(escapeControls('line one\n\tline two\x1b[1A', { keepLines: true })).toBe('line one\n\tline two\\u001b[1A');
    expect(escapeControls('plain ✓ — ünïcode')).toBe('plain ✓ — ünïcode');
  });
});

describe('printsAsIs', () => {
  it('says the same of UTF-8 bytes as of their text: a plan goes out as bytes only when its text would', () => {
    // Every control and its neighbours, in every UTF-8 length, mixed with ordinary text.
    const near = [0x00, 0x08, 0x09, 0x0a, 0x0b, 0x1f, 0x20, 0x7e, 0x7f, 0x80, 0x9f, 0xa0, 0xff, 0x2027, 0x2028, 0x2029, 0x202a, 0x202e, 0x202f, 0x2065, 0x2066, 0x2069, 0x206a, 0x20ac, 0x1f600];
    const char = fc.oneof(fc.constantFrom(...near.map((c) => String.fromCodePoint(c))), fc.string({ unit: 'grapheme', maxLength: 3 }));
    fc.assert(fc.property(fc.array(char, { maxLength: 12 }), (parts) => {
      const text = parts.join('');
      expect(printsAsIs(Buffer.from(text))).toBe(printsAsIs(text));
    }), { numRuns: 2000 });
    for (const c of near) expect(printsAsIs(Buffer.from(`{"a": "${String.fromCodePoint(c)}"}`)), c.toString(16)).toBe(printsAsIs(`{"a": "${String.fromCodePoint(c)}"}`));
    expect(printsAsIs(Buffer.from('plain ✓ — ünïcode\n\t'))).toBe(true);
    expect(printsAsIs(Buffer.from(`a${HOSTILE}`))).toBe(false);
  });
});

describe('encodeJson', () => {
  it('gives the UTF-8 bytes of JSON and says whether they print as they are, plain ASCII or not', () => {
    const near = [0x00, 0x09, 0x0a, 0x0b, 0x1b, 0x1f, 0x20, 0x7e, 0x7f, 0x80, 0x9b, 0x9f, 0xa0, 0xc2, 0xe2, 0xe9, 0xff, 0x2026, 0x2028, 0x202e, 0x202f, 0x2066, 0x2069, 0x2192, 0x20ac, 0x1f600];
    const char = fc.oneof(fc.constantFrom(...near.map((c) => String.fromCodePoint(c))), fc.string({ unit: 'grapheme', maxLength: 3 }));
    fc.assert(fc.property(fc.array(char, { maxLength: 12 }), fc.boolean(), (parts, asKey) => {
      const value = parts.join('');
      const json = `${JSON.stringify(asKey ? { [value]: 1 } : { a: [value] }, null, 2)}\n`;
      const encoded = encodeJson(json);
      expect(encoded.bytes.equals(Buffer.from(json))).toBe(true);
      expect(encoded.printsAsIs).toBe(printsAsIs(json));
    }), { numRuns: 3000 });
    const plain = `${JSON.stringify({ plain: 'ascii ~', escaped: `a${HOSTILE}` }, null, 2)}\n`;
    expect(encodeJson(plain)).toEqual({ bytes: Buffer.from(plain), printsAsIs: false });
    expect(encodeJson(JSON.stringify({ plain: 'ascii ~', esc: '\x1b[2J\r' }))).toEqual({ bytes: Buffer.from('{"plain":"ascii ~","esc":"\\u001b[2J\\r"}'), printsAsIs: true });
    expect(encodeJson('"\u00e9"').bytes).toEqual(Buffer.from([0x22, 0xc3, 0xa9, 0x22]));
    // What JSON leaves as it is: DEL, C1, line separators and bidi controls; an arrow, a no-break space and an ellipsis print.
    for (const c of ['\x7f', '\x9b', '\u2028', '\u202e', '\u2067']) expect(encodeJson(JSON.stringify(`a → b${c}`)).printsAsIs, c).toBe(false);
    expect(encodeJson(JSON.stringify('a → b\u00a0c…')).printsAsIs).toBe(true);
  });
});

describe('terminal streams', () => {
  it('escape what is written, keep the plan colours tide paints, and hand readline the stream itself', () => {
    const out = new Captured();
    const view = terminalStream(out);
    view.write(`site ${HOSTILE}\n`);
    view.write(renderText(planOf([op('install', 'a.example.com', { reason: `new ${HOSTILE}` })]), { color: true }));
    expect(out.text.replace(/\x1b\[[0-9;]*m/g, '')).not.toMatch(RAW_CONTROL);
    expect(out.text).toContain('site \\u001b[2J\\u001b]0;pwned\\u0007\\r\\u202e\\u009b31m\n');
    expect(out.text).toContain('\x1b[32m+ install\x1b[0m'); // tide's own colour
    expect(out.text).toContain('(new \\u001b[2J');
    expect(rawStream(view)).toBe(out);
    expect(terminalStream(view)).toBe(view);
  });
});

describe('the CLI prints no control characters', () => {
  it('from a state file name on a forged state branch', async () => {
    const dir = fleetRepo();
    const path = `state/sites/${HOSTILE}.json`;
    forgeState(dir, { [path]: '{"name": "x"}\n' });
    const { code, stdout, stderr } = await run(['plan'], dir);
    expect(code).toBe(1);
    expect(stdout + stderr).not.toMatch(RAW_CONTROL);
    expect(stderr).toContain('state/sites/\\u001b[2J\\u001b]0;pwned\\u0007\\r\\u202e\\u009b31m.json on the state branch');
    expect(stderr).not.toContain('unexpected error');
  });

  it('from a value in a fleet file, in a JSON plan made afresh or read from the plan cache', async () => {
    const dir = fleetRepo();
    // JSON keeps these as they are (\u202e, \u009b): only the terminal stream escapes them.
    writeFileSync(join(dir, 'sites/evil.yaml'), 'kind: Site\nname: evil.example.test\nplatform: hello-static\nvars: { title: "\\u202e\\x9b31m" }\n');
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', 'evil');
    const made = await run(['plan', '--json'], dir);
    const cached = await run(['plan', '--json'], dir);
    expect(made.code).toBe(0);
    expect(made.stdout).toContain('"to": "\\u202e\\u009b31m"');
    expect(made.stdout + cached.stdout).not.toMatch(RAW_CONTROL);
    expect(cached).toEqual(made);
  });

  it('from a key in a fleet file', async () => {
    const dir = fleetRepo();
    // The same characters, written as YAML escapes in a double-quoted key.
    writeFileSync(join(dir, 'sites/evil.yaml'), 'kind: Site\nname: evil.example.test\nplatform: hello-static\n"\\e[2J\\e]0;pwned\\a\\r\\u202e\\x9b31m": 1\n');
    const { code, stdout, stderr } = await run(['validate'], dir);
    expect(code).toBe(1);
    expect(stderr).toMatch(/sites\/evil\.yaml:4:1: Site evil\.example\.test: .*unknown property/);
    expect(stdout + stderr).not.toMatch(RAW_CONTROL);
    expect(stderr).toContain('\\u001b[2J');
  });
});
