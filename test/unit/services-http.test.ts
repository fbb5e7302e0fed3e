// Vhost rendering for every HTTP service type: what each variant must
// contain, and that no value can break out of the config syntax.
// (test/integration/services-http.test.ts has nginx and apache parse them.)

import { describe, expect, it } from 'vitest';
import { httpServiceType, httpServiceTypes, VhostValueError } from '../../src/services/http/index.js';
import type { VhostFacts } from '../../src/services/http/types.js';
import { servedCommand, servedExpectation } from '../../src/services/http/served.js';
import { vhostProbe } from '../../src/services/http/template.js';

const base: VhostFacts = {
  site: 'blog.example.com',
  url: 'blog.example.com',
  aliases: ['www.blog.example.com', 'old.example.org'],
  redirectAliases: false,
  port: 80,
  httpsPort: 443,
  docroot: '/var/tide/platforms/p1/web',
  siteDir: '/var/tide/sites/blog.example.com',
  fastcgi: 'unix:/run/php/php8.2-fpm.sock',
  disabled: false,
  disabledDir: '/var/tide/disabled',
};
const tls = { certificate: '/etc/ssl/blog.pem', key: '/etc/ssl/private/blog.key', required: false };

const nginx = httpServiceType('nginx');
const apache = httpServiceType('apache');

describe('registry', () => {
  it('knows nginx and apache, and names the vhost file tide-<site>.conf in configDir', () => {
    expect(httpServiceTypes().map((t) => t.type).sort()).toEqual(['apache', 'nginx']);
    const config = { type: 'nginx' as const, port: 80, httpsPort: 443, configDir: '/etc/nginx/sites-enabled/', check: '', reload: '', sudo: false, servedWithin: 10 };
    expect(nginx.vhostPath(config, 'blog.example.com')).toBe('/etc/nginx/sites-enabled/tide-blog.example.com.conf');
    expect(() => httpServiceType('lighttpd')).toThrow(/no HTTP service type "lighttpd"/);
    expect(() => nginx.vhostPath(config, '../../etc/passwd')).toThrow(VhostValueError);
  });

  it.each(httpServiceTypes())('$type: starts with the managed-by comment', (type) => {
    expect(type.renderVhost(base).split('\n')[0]).toBe('# Managed by tide: site blog.example.com. Changes here are overwritten.');
  });
});

describe('nginx', () => {
  it('serves url and aliases with php-fpm, passing TIDE_SITE_DIR', () => {
    const out = nginx.renderVhost(base);
    expect(out).toContain('listen 80;');
    expect(out).toContain('server_name blog.example.com www.blog.example.com old.example.org;');
    expect(out).toContain('root "/var/tide/platforms/p1/web";');
    expect(out).toContain('index index.php index.html;');
    expect(out).toContain('try_files $uri $uri/ /index.php?$query_string;');
    expect(out).toContain('location ~ \\.php$ {');
    expect(out).toContain('include fastcgi_params;');
    expect(out).toContain('fastcgi_param SCRIPT_FILENAME $document_root$fastcgi_script_name;');
    expect(out).toContain('fastcgi_param TIDE_SITE_DIR "/var/tide/sites/blog.example.com";');
    expect(out).toContain('fastcgi_pass "unix:/run/php/php8.2-fpm.sock";');
    expect(out).not.toContain('return 301');
    expect(out).not.toContain('ssl');
    expect(nginx.renderVhost({ ...base, fastcgi: '127.0.0.1:9000' })).toContain('fastcgi_pass "127.0.0.1:9000";');
    const repeated = nginx.renderVhost({ ...base, aliases: ['blog.example.com', 'www.blog.example.com', 'www.blog.example.com'] });
    expect(repeated).toContain('server_name blog.example.com www.blog.example.com;');
  });

  it('redirects aliases to the main URL when redirectAliases', () => {
    const out = nginx.renderVhost({ ...base, redirectAliases: true, port: 8080 });
    expect(out).toMatch(/server \{\n {4}listen 8080;\n {4}server_name www\.blog\.example\.com old\.example\.org;\n {4}return 301 http:\/\/blog\.example\.com:8080\$request_uri;\n\}/);
    expect(out).toContain('server_name blog.example.com;');
  });

  it('serves TLS on httpsPort, and with required redirects plain HTTP (keeping the host)', () => {
    const optional = nginx.renderVhost({ ...base, https: tls });
    expect(optional).toContain('listen 80;\n    listen 443 ssl;');
    expect(optional).toContain('ssl_certificate "/etc/ssl/blog.pem";');
    expect(optional).toContain('ssl_certificate_key "/etc/ssl/private/blog.key";');
    expect(optional).not.toContain('return 301');

    const required = nginx.renderVhost({ ...base, https: { ...tls, required: true }, httpsPort: 8443, redirectAliases: true });
    expect(required).toContain('return 301 https://$host:8443$request_uri;');
    expect(required).toContain('return 301 https://blog.example.com:8443$request_uri;');
    const site = required.slice(required.lastIndexOf('server {'));
    expect(site).not.toContain('listen 80;');
    expect(site).toContain('listen 8443 ssl;');
  });

  it('serves a static site as files only', () => {
    const out = nginx.renderVhost({ ...base, fastcgi: null });
    expect(out).toContain('try_files $uri $uri/ =404;');
    expect(out).not.toMatch(/php|fastcgi|TIDE_SITE_DIR/);
  });

  it('answers 503 with the disabled page when disabled', () => {
    const out = nginx.renderVhost({ ...base, disabled: true, https: { ...tls, required: true } });
    expect(out).toContain('root "/var/tide/disabled";');
    expect(out).toContain('return 503;');
    expect(out).toContain('error_page 503 @tide_disabled;');
    expect(out).toContain('rewrite ^ /index.html break;');
    expect(out).not.toMatch(/php|platforms/);
  });
});

describe('apache', () => {
  it('serves url and aliases with php-fpm, passing TIDE_SITE_DIR', () => {
    const out = apache.renderVhost(base);
    expect(out).toContain('<VirtualHost *:80>\n    ServerName blog.example.com\n    ServerAlias www.blog.example.com old.example.org\n');
    expect(out).toContain('DocumentRoot "/var/tide/platforms/p1/web"');
    expect(out).toContain('<Directory "/var/tide/platforms/p1/web">');
    expect(out).toContain('SetEnv TIDE_SITE_DIR "/var/tide/sites/blog.example.com"');
    expect(out).toContain('SetHandler "proxy:unix:/run/php/php8.2-fpm.sock|fcgi://localhost"');
    expect(out).toContain('FallbackResource /index.php');
    expect(out).not.toMatch(/Redirect permanent|SSL/);
    expect(apache.renderVhost({ ...base, fastcgi: '127.0.0.1:9000' })).toContain('SetHandler "proxy:fcgi://127.0.0.1:9000"');
  });

  it('redirects aliases to the main URL when redirectAliases', () => {
    const out = apache.renderVhost({ ...base, redirectAliases: true });
    expect(out).toMatch(/ServerName www.blog.example.com\n    ServerAlias old.example.org\n    Header always set X-Tide-Vhost "[0-9a-f]{16}"\n    Redirect permanent \/ http:\/\/blog.example.com\/\n/);
    expect(out).not.toContain('ServerAlias www.blog.example.com');
  });

  it('serves TLS on httpsPort, and with required redirects plain HTTP', () => {
    const optional = apache.renderVhost({ ...base, https: tls });
    expect(optional).toContain('<VirtualHost *:443>');
    expect(optional).toContain('SSLEngine on\n    SSLCertificateFile "/etc/ssl/blog.pem"\n    SSLCertificateKeyFile "/etc/ssl/private/blog.key"');
    expect(optional.match(/SetHandler/g)).toHaveLength(2);

    const required = apache.renderVhost({ ...base, https: { ...tls, required: true }, httpsPort: 8443 });
    expect(required).toContain('RewriteRule ^ https://%{SERVER_NAME}:8443%{REQUEST_URI} [R=301,L]');
    expect(required.match(/SetHandler/g)).toHaveLength(1);
  });

  it('serves a static site as files only', () => {
    const out = apache.renderVhost({ ...base, fastcgi: null });
    expect(out).toContain('DirectoryIndex index.html index.htm');
    expect(out).not.toMatch(/php|proxy|TIDE_SITE_DIR/);
  });

  it('answers 503 with the disabled page when disabled', () => {
    const out = apache.renderVhost({ ...base, disabled: true });
    expect(out).toContain('DocumentRoot "/var/tide/disabled"');
    expect(out).toContain('ErrorDocument 503 /index.html');
    expect(out).toContain('RewriteRule ^ - [R=503,L]');
    expect(out).not.toMatch(/php|platforms/);
  });
});

describe.each(httpServiceTypes())('$type: injection', (type) => {
  const attempts: [string, Partial<VhostFacts>][] = [
    ['url with a newline', { url: 'blog.example.com;\n}\nserver { listen 80' }],
    ['alias with a space', { aliases: ['a.example.com evil.example.com'] }],
    ['alias with a brace', { aliases: ['a}'] }],
    ['docroot with a quote', { docroot: '/var/www/x"; include /etc/shadow; "' }],
    ['docroot with ;', { docroot: '/var/www;' }],
    ['docroot with $', { docroot: '/var/$host' }],
    ['docroot with ..', { docroot: '/var/tide/../../etc' }],
    ['relative docroot', { docroot: 'var/www' }],
    ['siteDir with a newline', { siteDir: '/var/tide\nSetEnv X y' }],
    ['disabledDir with >', { disabledDir: '/var/tide/</Directory>' }],
    ['fastcgi with |', { fastcgi: 'unix:/run/php.sock|fcgi://evil' }],
    ['fastcgi with ;', { fastcgi: '127.0.0.1:9000; }' }],
    ['certificate with a quote', { https: { certificate: "/etc/ssl/a'.pem", key: '/etc/ssl/a.key', required: false } }],
    ['site with a slash', { site: '../x' }],
    ['port as text', { port: '80; }' as unknown as number }],
  ];
  it.each(attempts)('rejects %s with a typed error', (_, change) => {
    const render = () => type.renderVhost({ ...base, ...change });
    expect(render).toThrow(VhostValueError);
    try {
      render();
    } catch (error) {
      expect((error as VhostValueError).code).toBe('VHOST_VALUE_INVALID');
    }
  });
});

describe('the vhost marker (served when reported)', () => {
  it.each(httpServiceTypes())('$type: names its probe and answers it with a marker that is a digest of the vhost', (type) => {
    const out = type.renderVhost(base);
    const probe = vhostProbe(out);
    expect(probe).toMatchObject({ site: 'blog.example.com', host: 'blog.example.com', port: 80 });
    expect(probe!.marker).toMatch(/^[0-9a-f]{16}$/);
    expect(out).toContain(`X-Tide-Vhost "${probe!.marker}"`);
    expect(vhostProbe(type.renderVhost(base))).toEqual(probe);
    for (const change of [{ aliases: [] }, { redirectAliases: true }, { disabled: true }, { docroot: '/srv/other' }, { https: tls }]) {
      expect(vhostProbe(type.renderVhost({ ...base, ...change }))!.marker, JSON.stringify(change)).not.toBe(probe!.marker);
    }
    expect(vhostProbe(type.renderVhost({ ...base, url: 'new.example.com', port: 8080 }))).toMatchObject({ host: 'new.example.com', port: 8080 });
  });

  it('nginx answers the probe itself (never the application), in every variant, on the http port', () => {
    for (const change of [{}, { fastcgi: null }, { disabled: true }, { https: { ...tls, required: true } }]) {
      const out = nginx.renderVhost({ ...base, ...change });
      expect(out, JSON.stringify(change)).toMatch(/location = \/\.tide-vhost \{\n\s+add_header X-Tide-Vhost "[0-9a-f]{16}" always;\n\s+return 204;/);
    }
    // No add_header in the server block: it would drop the headers nginx.conf sets.
    expect(nginx.renderVhost(base).match(/add_header/g)).toHaveLength(1);
  });

  it('apache sets the marker on every virtual host and keeps the probe from the application', () => {
    const out = apache.renderVhost({ ...base, https: tls });
    expect(out.match(/<VirtualHost/g)!.length).toBe(out.match(/Header always set X-Tide-Vhost/g)!.length);
    expect(out).toContain('Redirect gone /.tide-vhost');
  });

  it('waits for the new marker, or for a removed vhost\'s marker to go; nothing for vhosts without one', () => {
    const one = nginx.renderVhost(base);
    const two = nginx.renderVhost({ ...base, disabled: true });
    expect(servedExpectation(two, Buffer.from(one))).toEqual({ ...vhostProbe(two), expect: 'present' });
    expect(servedExpectation(null, Buffer.from(one))).toEqual({ ...vhostProbe(one), expect: 'gone' });
    expect(servedExpectation('server {}\n', null)).toBeNull();
    expect(servedExpectation(null, null)).toBeNull();
  });

  it('the polling command quotes what it is given', () => {
    const command = servedCommand([{ site: 'a.test', host: "a.test'; rm -rf /", port: 80, marker: 'x', expect: 'present' }], 5);
    expect(command).toContain(`-H 'Host: a.test'\\''; rm -rf /'`);
    expect(command).toContain(`tide_seen 0 'a.test'\\''; rm -rf /' 80`);
    expect(command).toContain(`0) want='x' mode=present ;;`);
  });
});
