import { describe, expect, it } from 'vitest';
import { REDACTED, Redactor } from '../../src/redact.js';
import { OperationLog } from '../../src/shell/log.js';
import { redactor } from '../../src/redact.js';

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
