import { describe, expect, it } from 'vitest';
import { REDACTED, Redactor } from '../../src/redact.js';
import { OperationLog } from '../../src/shell/log.js';
import { redactor } from '../../src/redact.js';
import { shellFor } from '../../src/shell/shell.js';
import { LocalTransport } from '../../src/transport/local.js';

describe('Redactor', () => {
  it('masks every registered secret wherever it appears, longest first', () => {
    const r = new Redactor();
    r.add('s3cr3tPassw0rd');
    r.add('s3cr3t');
    expect(r.redact('MYSQL_PWD=s3cr3tPassw0rd and s3cr3t.')).toBe(`MYSQL_PWD=${REDACTED} and ${REDACTED}.`);
  });

  it('masks each line of a multi-line secret (a private key printed in part)', () => {
    const r = new Redactor();
    const key = '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ\n-----END OPENSSH PRIVATE KEY-----\n';
    r.add(key);
    expect(r.redact('oops: b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ')).toBe(`oops: ${REDACTED}`);
  });

  it('registers a secret per site as an apply does (add, then log) in linear time', () => {
    // A regular expression rebuilt after each add made this quadratic: 500 sites took ~12 s, 1,000 took 48 s.
    const r = new Redactor();
    const started = performance.now();
    for (let i = 0; i < 500; i++) {
      r.add(`site-password-${i}-${'x'.repeat(16)}`);
      expect(r.redact(`installed site ${i} with site-password-${i}-${'x'.repeat(16)}`)).toBe(`installed site ${i} with ${REDACTED}`);
    }
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it('redacts a long text it has seen before again once a secret was added meanwhile', () => {
    const r = new Redactor();
    r.add('first-secret-value');
    const text = `${'nginx: configuration ok\n'.repeat(40)}token late-secret-value and first-secret-value\n`;
    const before = r.redact(text);
    expect(before).toContain('late-secret-value');
    expect(r.redact(text)).toBe(before);
    r.add('late-secret-value');
    expect(r.redact(text)).not.toContain('late-secret-value');
    expect(r.redactPieces([text.slice(0, 300), text.slice(300)]).join('')).toBe(`${'nginx: configuration ok\n'.repeat(40)}token ${REDACTED} and ${REDACTED}\n`);
  });

  it('an operation log masks a secret registered after the line holding it was logged, and only then scans again', () => {
    const log = new OperationLog();
    log.line('the new password is late-registered-secret-1');
    expect(log.text()).toContain('late-registered-secret-1');
    redactor.add('late-registered-secret-1');
    expect(log.text()).not.toContain('late-registered-secret-1');
    expect(log.text()).toContain(`the new password is ${REDACTED}`);
  });

  it('ignores values too short to be secrets, and escapes regex characters', () => {
    const r = new Redactor();
    r.add('ab');
    r.add('a+b*c?(d)');
    expect(r.redact('ab a+b*c?(d)')).toBe(`ab ${REDACTED}`);
  });

  it('is applied to every line of an operation log, output included', () => {
    redactor.add('generated-db-password-123');
    const log = new OperationLog();
    log.line('$ install with generated-db-password-123');
    log.output('connected as site with generated-db-pass', 'stdout');
    log.output('word-123\n', 'stdout');
    expect(log.text()).not.toContain('generated-db-password-123');
    expect(log.text()).toContain(`connected as site with ${REDACTED}`);
  });
});

describe('Redactor: secrets in disguise', () => {
  const secret = 'p@ss/w0rd+Zx&y=1 é?';
  const r = new Redactor();
  r.add(secret);
  const bytes = Buffer.from(secret, 'utf8');

  it('masks base64 at each of the three byte alignments, in both alphabets, leaving at most the edge characters', () => {
    for (const lead of ['', 'a', 'ab', 'abc', 'abcd']) {
      const encoded = Buffer.concat([Buffer.from(lead), bytes, Buffer.from('tail')]).toString('base64');
      for (const text of [encoded, encoded.replace(/\+/g, '-').replace(/\//g, '_')]) {
        const out = r.redact(`x ${text} y`);
        expect(out, lead).toContain(REDACTED);
        // What is left of the encoding: the characters that also carry bits of the neighbouring bytes.
        expect(out.replace(REDACTED, '').length, lead).toBeLessThanOrEqual(`x  y`.length + Math.ceil((lead.length + 4) * 4 / 3) + 4);
      }
    }
  });

  it('masks base64 wrapped as base64(1) prints a long secret', () => {
    const key = `-----BEGIN KEY-----\n${'QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo'.repeat(4)}\n-----END KEY-----`;
    const k = new Redactor();
    k.add(key);
    const wrapped = Buffer.from(key).toString('base64').match(/.{1,76}/g)!.join('\n');
    expect(k.redact(wrapped).split('\n').every((l) => l === REDACTED || l.length < 16)).toBe(true);
  });

  it('masks URL-encoding (upper or lower case escapes, + for a space), JSON escapes and hex', () => {
    const url = encodeURIComponent(secret);
    for (const text of [url, url.replace(/%[0-9A-F]{2}/g, (e) => e.toLowerCase()), url.replace('%20', '+'), JSON.stringify(secret).slice(1, -1).replace(/\//g, '\\/'),
      bytes.toString('hex'), bytes.toString('hex').toUpperCase()]) {
      expect(r.redact(`<${text}>`), text).toBe(`<${REDACTED}>`);
    }
  });

  it('masks a secret cut between pieces, keeping each piece its own text', () => {
    expect(r.redactPieces(['out: p@ss/w', '0rd+Zx&y=1 é?; done\n'])).toEqual([`out: ${REDACTED}`, '; done\n']);
    expect(r.redactPieces(['a', 'p@ss', '/w0rd+Zx', '&y=1 é?', 'b'])).toEqual(['a', REDACTED, '', '', 'b']);
    expect(r.redactPieces(['nothing', 'here'])).toEqual(['nothing', 'here']);
  });

  it('masks the halves of a long secret that arrive out of order (stderr before stdout), and no short run of it', () => {
    const r = new Redactor();
    const password = 'Qm7vT2xR9kLp4ZsW8nYb3HcJ6dFg1AeU';
    r.add(password);
    const [first, second] = [password.slice(0, 16), password.slice(16)];
    // The command printed "half:FIRST" on stdout, then "SECOND:end" on stderr; the relay read stderr first.
    const pieces = r.redactPieces([`${second}:end\n`, `half:${first}PATH=/usr/bin\nLEAK-RAN\n`]);
    expect(pieces).toEqual([`${REDACTED}:end\n`, `half:${REDACTED}PATH=/usr/bin\nLEAK-RAN\n`]);
    // A run of 12 characters anywhere is masked whole; 11 could be ordinary text and stay.
    expect(r.redact(`x${password.slice(5, 17)}y ${password.slice(3, 14)}`)).toBe(`x${REDACTED}y ${password.slice(3, 14)}`);
    // A secret shorter than 24 characters is masked only whole.
    const short = new Redactor();
    short.add(password.slice(0, 23));
    expect(short.redact(password.slice(0, 16))).toBe(password.slice(0, 16));
  });

  it('logs a command\'s output with a secret cut between stdout and stderr masked in both', () => {
    redactor.add('split-secret-4f9a7c');
    const log = new OperationLog();
    log.output('first: split-se', 'stdout');
    log.output('cret-4f9a7c rest\n', 'stderr');
    log.output('\nnext line\n', 'stdout');
    log.flush();
    const text = log.text();
    expect(text).not.toMatch(/split-se|cret-4f9a7c/);
    // Lines in the order they were completed.
    expect(text).toMatch(/^\S+ {3}! {2}rest\n\S+ {3}\| first: \[redacted\]\n\S+ {3}\| next line\n$/);
  });
});

describe('a failed command that printed a secret cut between stdout and stderr', () => {
  it('shows neither part in its error, nor in the log', async () => {
    redactor.add('cross-stream-Secret-91x');
    const log = new OperationLog();
    const shell = shellFor(new LocalTransport('local1'), log);
    const error = await shell.run('the build', `printf 'token: %s' "$A"; sleep 0.2; printf '%s refused\\n' "$B" >&2; exit 3`,
      { env: { A: 'cross-str', B: 'eam-Secret-91x' } }).catch((e: Error) => e);
    expect((error as Error).message).toMatch(/exited with 3:\nrefused$/);
    expect((error as Error).message).not.toMatch(/cross-str|eam-Secret/);
    expect(log.text()).not.toMatch(/cross-str|eam-Secret/);
  });
});
