// The nginx vhost as a Handlebars template. A string constant rather than a
// .hbs file because `tsc` does not copy assets to dist/: this way the
// template is where the code is, in src/ and in dist/ alike.
// Every value is checked by values.ts before it gets here; paths are quoted
// anyway. `include fastcgi_params` is relative to nginx's config directory
// (/etc/nginx on Debian), as in nginx's own examples.
// The probe location answers tide's "is the new config live" check
// (served.ts) with the vhost's marker; the header is set there only, since
// an add_header in the server block would drop those set in nginx.conf.

import { PROBE_LINE } from '../template.js';

export const NGINX_VHOST = `# Managed by tide: site {{site}}. Changes here are overwritten.
${PROBE_LINE}
{{#*inline "tls"}}
ssl_certificate "{{https.certificate}}";
ssl_certificate_key "{{https.key}}";
{{/inline}}
{{#*inline "probe"}}
location = {{probePath}} {
    add_header {{markerHeader}} "{{marker}}" always;
    return 204;
}
{{/inline}}
{{#*inline "content"}}
{{> probe}}
{{#if disabled}}
# Disabled: every request answers 503 with the "site disabled" page.
root "{{disabledDir}}";
error_page 503 @tide_disabled;
location / {
    return 503;
}
location @tide_disabled {
    rewrite ^ /index.html break;
}
{{else if fastcgi}}
root "{{docroot}}";
index index.php index.html;
location / {
    try_files $uri $uri/ /index.php?$query_string;
}
location ~ \\.php$ {
    try_files $uri =404;
    include fastcgi_params;
    fastcgi_param SCRIPT_FILENAME $document_root$fastcgi_script_name;
    fastcgi_param TIDE_SITE_DIR "{{siteDir}}";
    fastcgi_pass "{{fastcgiPass}}";
}
{{else}}
root "{{docroot}}";
index index.html index.htm;
location / {
    try_files $uri $uri/ =404;
}
{{/if}}
{{/inline}}
{{#if redirectNames.length}}

# Aliases redirect to the main URL.
server {
    listen {{port}};
{{#if https}}
    listen {{httpsPort}} ssl;
    {{> tls}}
{{/if}}
    server_name{{#each redirectNames}} {{this}}{{/each}};
    return 301 {{canonical}}$request_uri;
}
{{/if}}
{{#if httpsRequired}}

# HTTPS is required: plain HTTP redirects.
server {
    listen {{port}};
    server_name{{#each names}} {{this}}{{/each}};
    {{> probe}}
    location / {
        return 301 https://$host{{httpsPortSuffix}}$request_uri;
    }
}
{{/if}}

server {
{{#unless httpsRequired}}
    listen {{port}};
{{/unless}}
{{#if https}}
    listen {{httpsPort}} ssl;
    {{> tls}}
{{/if}}
    server_name{{#each names}} {{this}}{{/each}};
    {{> content}}
}
`;
