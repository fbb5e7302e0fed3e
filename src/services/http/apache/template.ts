// The apache vhost as a Handlebars template, a string constant beside its
// code because `tsc` does not copy .hbs files to dist/.
// Every value is checked by values.ts before it gets here; paths are quoted
// anyway. Modules it needs: ssl for https, rewrite for the https redirect
// and the disabled page, proxy_fcgi for PHP, env for TIDE_SITE_DIR, headers
// for the vhost's marker (tide's "is the new config live" check, served.ts;
// apache adds it to the headers set elsewhere) and alias for the probe path.

import { PROBE_LINE } from '../template.js';

export const APACHE_VHOST = `# Managed by tide: site {{site}}. Changes here are overwritten.
${PROBE_LINE}
{{#*inline "names"}}
ServerName {{first}}
{{#if rest.length}}
ServerAlias{{#each rest}} {{this}}{{/each}}
{{/if}}
{{/inline}}
{{#*inline "marker"}}
Header always set {{markerHeader}} "{{marker}}"
{{/inline}}
{{#*inline "tls"}}
SSLEngine on
SSLCertificateFile "{{https.certificate}}"
SSLCertificateKeyFile "{{https.key}}"
{{/inline}}
{{#*inline "content"}}
{{#if disabled}}
# Disabled: every request answers 503 with the "site disabled" page.
DocumentRoot "{{disabledDir}}"
<Directory "{{disabledDir}}">
    Options None
    AllowOverride None
    Require all granted
</Directory>
ErrorDocument 503 /index.html
RewriteEngine On
RewriteCond %{ENV:REDIRECT_STATUS} !=503
RewriteRule ^ - [R=503,L]
{{else if fastcgi}}
Redirect gone {{probePath}}
DocumentRoot "{{docroot}}"
<Directory "{{docroot}}">
    Options FollowSymLinks
    # Drupal and most PHP applications ship .htaccess rules.
    AllowOverride All
    Require all granted
</Directory>
DirectoryIndex index.php index.html
FallbackResource /index.php
SetEnv TIDE_SITE_DIR "{{siteDir}}"
<FilesMatch "\\.php$">
    SetHandler "{{fastcgiHandler}}"
</FilesMatch>
{{else}}
Redirect gone {{probePath}}
DocumentRoot "{{docroot}}"
<Directory "{{docroot}}">
    Options FollowSymLinks
    AllowOverride None
    Require all granted
</Directory>
DirectoryIndex index.html index.htm
{{/if}}
{{/inline}}
{{#if redirectNames.length}}

# Aliases redirect to the main URL.
<VirtualHost *:{{port}}>
    {{> names first=redirectNames.[0] rest=redirectRest}}
    {{> marker}}
    Redirect permanent / {{canonical}}/
</VirtualHost>
{{#if https}}
<VirtualHost *:{{httpsPort}}>
    {{> names first=redirectNames.[0] rest=redirectRest}}
    {{> marker}}
    {{> tls}}
    Redirect permanent / {{canonical}}/
</VirtualHost>
{{/if}}
{{/if}}

<VirtualHost *:{{port}}>
    {{> names first=url rest=servedAliases}}
    {{> marker}}
{{#if httpsRequired}}
    # HTTPS is required: plain HTTP redirects, keeping the host name.
    RewriteEngine On
    RewriteRule ^ https://%{SERVER_NAME}{{httpsPortSuffix}}%{REQUEST_URI} [R=301,L]
{{else}}
    {{> content}}
{{/if}}
</VirtualHost>
{{#if https}}

<VirtualHost *:{{httpsPort}}>
    {{> names first=url rest=servedAliases}}
    {{> marker}}
    {{> tls}}
    {{> content}}
</VirtualHost>
{{/if}}
`;
