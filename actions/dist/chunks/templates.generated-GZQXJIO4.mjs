import { createRequire as __tideCreateRequire } from 'node:module';
import { fileURLToPath as __tideFileURLToPath } from 'node:url';
import { dirname as __tideDirname } from 'node:path';
const require = __tideCreateRequire(import.meta.url);
const __filename = __tideFileURLToPath(import.meta.url);
const __dirname = __tideDirname(__filename);
import"./chunk-G5BJ6GPD.mjs";var templates=[[`# Managed by tide: site {{site}}. Changes here are overwritten.
# tide's probe: site {{site}} answers http://{{url}}:{{port}}{{probePath}} with {{markerHeader}} "{{marker}}".
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
`,{0:function(container,depth0,helpers,partials,data){var stack1,alias1=container.strict,alias2=container.lambda,lookupProperty=container.lookupProperty||function(parent,propertyName){if(Object.prototype.hasOwnProperty.call(parent,propertyName))return parent[propertyName]};return'ssl_certificate "'+((stack1=alias2(alias1(lookupProperty(depth0,"https"),"certificate",{start:{line:4,column:19},end:{line:4,column:36}}),depth0))!=null?stack1:"")+`";
ssl_certificate_key "`+((stack1=alias2(alias1(lookupProperty(depth0,"https"),"key",{start:{line:5,column:23},end:{line:5,column:32}}),depth0))!=null?stack1:"")+`";
`},1:function(container,depth0,helpers,partials,data){var stack1,helper,alias1=container.strict,alias2=depth0??(container.nullContext||{}),alias3="function",lookupProperty=container.lookupProperty||function(parent,propertyName){if(Object.prototype.hasOwnProperty.call(parent,propertyName))return parent[propertyName]};return"location = "+((stack1=(helper=lookupProperty(helpers,"probePath")||alias1(depth0,"probePath",{start:{line:8,column:13},end:{line:8,column:22}}),typeof helper===alias3?helper.call(alias2,{name:"probePath",hash:{},data,loc:{start:{line:8,column:11},end:{line:8,column:24}}}):helper))!=null?stack1:"")+` {
    add_header `+((stack1=(helper=lookupProperty(helpers,"markerHeader")||alias1(depth0,"markerHeader",{start:{line:9,column:17},end:{line:9,column:29}}),typeof helper===alias3?helper.call(alias2,{name:"markerHeader",hash:{},data,loc:{start:{line:9,column:15},end:{line:9,column:31}}}):helper))!=null?stack1:"")+' "'+((stack1=(helper=lookupProperty(helpers,"marker")||alias1(depth0,"marker",{start:{line:9,column:35},end:{line:9,column:41}}),typeof helper===alias3?helper.call(alias2,{name:"marker",hash:{},data,loc:{start:{line:9,column:33},end:{line:9,column:43}}}):helper))!=null?stack1:"")+`" always;
    return 204;
}
`},2:function(container,depth0,helpers,partials,data){var stack1,lookupProperty=container.lookupProperty||function(parent,propertyName){if(Object.prototype.hasOwnProperty.call(parent,propertyName))return parent[propertyName]};return((stack1=container.invokePartial(lookupProperty(partials,"probe"),depth0,{name:"probe",data,helpers,partials,decorators:container.decorators}))!=null?stack1:"")+((stack1=lookupProperty(helpers,"if").call(depth0??(container.nullContext||{}),lookupProperty(depth0,"disabled"),{name:"if",hash:{},fn:container.program(3,data,0),inverse:container.program(4,data,0),data,loc:{start:{line:15,column:0},end:{line:44,column:7}}}))!=null?stack1:"")},3:function(container,depth0,helpers,partials,data){var stack1,helper,lookupProperty=container.lookupProperty||function(parent,propertyName){if(Object.prototype.hasOwnProperty.call(parent,propertyName))return parent[propertyName]};return`# Disabled: every request answers 503 with the "site disabled" page.
root "`+((stack1=(helper=lookupProperty(helpers,"disabledDir")||container.strict(depth0,"disabledDir",{start:{line:17,column:8},end:{line:17,column:19}}),typeof helper=="function"?helper.call(depth0??(container.nullContext||{}),{name:"disabledDir",hash:{},data,loc:{start:{line:17,column:6},end:{line:17,column:21}}}):helper))!=null?stack1:"")+`";
error_page 503 @tide_disabled;
location / {
    return 503;
}
location @tide_disabled {
    rewrite ^ /index.html break;
}
`},4:function(container,depth0,helpers,partials,data){var stack1,lookupProperty=container.lookupProperty||function(parent,propertyName){if(Object.prototype.hasOwnProperty.call(parent,propertyName))return parent[propertyName]};return(stack1=lookupProperty(helpers,"if").call(depth0??(container.nullContext||{}),lookupProperty(depth0,"fastcgi"),{name:"if",hash:{},fn:container.program(5,data,0),inverse:container.program(6,data,0),data,loc:{start:{line:25,column:0},end:{line:44,column:0}}}))!=null?stack1:""},5:function(container,depth0,helpers,partials,data){var stack1,helper,alias1=container.strict,alias2=depth0??(container.nullContext||{}),alias3="function",lookupProperty=container.lookupProperty||function(parent,propertyName){if(Object.prototype.hasOwnProperty.call(parent,propertyName))return parent[propertyName]};return'root "'+((stack1=(helper=lookupProperty(helpers,"docroot")||alias1(depth0,"docroot",{start:{line:26,column:8},end:{line:26,column:15}}),typeof helper===alias3?helper.call(alias2,{name:"docroot",hash:{},data,loc:{start:{line:26,column:6},end:{line:26,column:17}}}):helper))!=null?stack1:"")+`";
index index.php index.html;
location / {
    try_files $uri $uri/ /index.php?$query_string;
}
location ~ \\.php$ {
    try_files $uri =404;
    include fastcgi_params;
    fastcgi_param SCRIPT_FILENAME $document_root$fastcgi_script_name;
    fastcgi_param TIDE_SITE_DIR "`+((stack1=(helper=lookupProperty(helpers,"siteDir")||alias1(depth0,"siteDir",{start:{line:35,column:35},end:{line:35,column:42}}),typeof helper===alias3?helper.call(alias2,{name:"siteDir",hash:{},data,loc:{start:{line:35,column:33},end:{line:35,column:44}}}):helper))!=null?stack1:"")+`";
    fastcgi_pass "`+((stack1=(helper=lookupProperty(helpers,"fastcgiPass")||alias1(depth0,"fastcgiPass",{start:{line:36,column:20},end:{line:36,column:31}}),typeof helper===alias3?helper.call(alias2,{name:"fastcgiPass",hash:{},data,loc:{start:{line:36,column:18},end:{line:36,column:33}}}):helper))!=null?stack1:"")+`";
}
`},6:function(container,depth0,helpers,partials,data){var stack1,helper,lookupProperty=container.lookupProperty||function(parent,propertyName){if(Object.prototype.hasOwnProperty.call(parent,propertyName))return parent[propertyName]};return'root "'+((stack1=(helper=lookupProperty(helpers,"docroot")||container.strict(depth0,"docroot",{start:{line:39,column:8},end:{line:39,column:15}}),typeof helper=="function"?helper.call(depth0??(container.nullContext||{}),{name:"docroot",hash:{},data,loc:{start:{line:39,column:6},end:{line:39,column:17}}}):helper))!=null?stack1:"")+`";
index index.html index.htm;
location / {
    try_files $uri $uri/ =404;
}
`},7:function(container,depth0,helpers,partials,data){var stack1,helper,alias1=container.strict,alias2=depth0??(container.nullContext||{}),alias3="function",lookupProperty=container.lookupProperty||function(parent,propertyName){if(Object.prototype.hasOwnProperty.call(parent,propertyName))return parent[propertyName]};return`
# Aliases redirect to the main URL.
server {
    listen `+((stack1=(helper=lookupProperty(helpers,"port")||alias1(depth0,"port",{start:{line:50,column:13},end:{line:50,column:17}}),typeof helper===alias3?helper.call(alias2,{name:"port",hash:{},data,loc:{start:{line:50,column:11},end:{line:50,column:19}}}):helper))!=null?stack1:"")+`;
`+((stack1=lookupProperty(helpers,"if").call(alias2,lookupProperty(depth0,"https"),{name:"if",hash:{},fn:container.program(8,data,0),inverse:container.noop,data,loc:{start:{line:51,column:0},end:{line:54,column:7}}}))!=null?stack1:"")+"    server_name"+((stack1=lookupProperty(helpers,"each").call(alias2,lookupProperty(depth0,"redirectNames"),{name:"each",hash:{},fn:container.program(9,data,0),inverse:container.noop,data,loc:{start:{line:55,column:15},end:{line:55,column:56}}}))!=null?stack1:"")+`;
    return 301 `+((stack1=(helper=lookupProperty(helpers,"canonical")||alias1(depth0,"canonical",{start:{line:56,column:17},end:{line:56,column:26}}),typeof helper===alias3?helper.call(alias2,{name:"canonical",hash:{},data,loc:{start:{line:56,column:15},end:{line:56,column:28}}}):helper))!=null?stack1:"")+`$request_uri;
}
`},8:function(container,depth0,helpers,partials,data){var stack1,helper,lookupProperty=container.lookupProperty||function(parent,propertyName){if(Object.prototype.hasOwnProperty.call(parent,propertyName))return parent[propertyName]};return"    listen "+((stack1=(helper=lookupProperty(helpers,"httpsPort")||container.strict(depth0,"httpsPort",{start:{line:52,column:13},end:{line:52,column:22}}),typeof helper=="function"?helper.call(depth0??(container.nullContext||{}),{name:"httpsPort",hash:{},data,loc:{start:{line:52,column:11},end:{line:52,column:24}}}):helper))!=null?stack1:"")+` ssl;
`+((stack1=container.invokePartial(lookupProperty(partials,"tls"),depth0,{name:"tls",data,indent:"    ",helpers,partials,decorators:container.decorators}))!=null?stack1:"")},9:function(container,depth0,helpers,partials,data){var stack1;return" "+((stack1=container.lambda(depth0,depth0))!=null?stack1:"")},10:function(container,depth0,helpers,partials,data){var stack1,helper,alias1=container.strict,alias2=depth0??(container.nullContext||{}),alias3="function",lookupProperty=container.lookupProperty||function(parent,propertyName){if(Object.prototype.hasOwnProperty.call(parent,propertyName))return parent[propertyName]};return`
# HTTPS is required: plain HTTP redirects.
server {
    listen `+((stack1=(helper=lookupProperty(helpers,"port")||alias1(depth0,"port",{start:{line:63,column:13},end:{line:63,column:17}}),typeof helper===alias3?helper.call(alias2,{name:"port",hash:{},data,loc:{start:{line:63,column:11},end:{line:63,column:19}}}):helper))!=null?stack1:"")+`;
    server_name`+((stack1=lookupProperty(helpers,"each").call(alias2,lookupProperty(depth0,"names"),{name:"each",hash:{},fn:container.program(9,data,0),inverse:container.noop,data,loc:{start:{line:64,column:15},end:{line:64,column:48}}}))!=null?stack1:"")+`;
`+((stack1=container.invokePartial(lookupProperty(partials,"probe"),depth0,{name:"probe",data,indent:"    ",helpers,partials,decorators:container.decorators}))!=null?stack1:"")+`    location / {
        return 301 https://$host`+((stack1=(helper=lookupProperty(helpers,"httpsPortSuffix")||alias1(depth0,"httpsPortSuffix",{start:{line:67,column:34},end:{line:67,column:49}}),typeof helper===alias3?helper.call(alias2,{name:"httpsPortSuffix",hash:{},data,loc:{start:{line:67,column:32},end:{line:67,column:51}}}):helper))!=null?stack1:"")+`$request_uri;
    }
}
`},11:function(container,depth0,helpers,partials,data){var stack1,helper,lookupProperty=container.lookupProperty||function(parent,propertyName){if(Object.prototype.hasOwnProperty.call(parent,propertyName))return parent[propertyName]};return"    listen "+((stack1=(helper=lookupProperty(helpers,"port")||container.strict(depth0,"port",{start:{line:74,column:13},end:{line:74,column:17}}),typeof helper=="function"?helper.call(depth0??(container.nullContext||{}),{name:"port",hash:{},data,loc:{start:{line:74,column:11},end:{line:74,column:19}}}):helper))!=null?stack1:"")+`;
`},compiler:[8,">= 4.3.0"],main:function(container,depth0,helpers,partials,data,blockParams,depths){var stack1,helper,alias1=container.strict,alias2=depth0??(container.nullContext||{}),alias3="function",lookupProperty=container.lookupProperty||function(parent,propertyName){if(Object.prototype.hasOwnProperty.call(parent,propertyName))return parent[propertyName]};return"# Managed by tide: site "+((stack1=(helper=lookupProperty(helpers,"site")||alias1(depth0,"site",{start:{line:1,column:26},end:{line:1,column:30}}),typeof helper===alias3?helper.call(alias2,{name:"site",hash:{},data,loc:{start:{line:1,column:24},end:{line:1,column:32}}}):helper))!=null?stack1:"")+`. Changes here are overwritten.
# tide's probe: site `+((stack1=(helper=lookupProperty(helpers,"site")||alias1(depth0,"site",{start:{line:2,column:23},end:{line:2,column:27}}),typeof helper===alias3?helper.call(alias2,{name:"site",hash:{},data,loc:{start:{line:2,column:21},end:{line:2,column:29}}}):helper))!=null?stack1:"")+" answers http://"+((stack1=(helper=lookupProperty(helpers,"url")||alias1(depth0,"url",{start:{line:2,column:47},end:{line:2,column:50}}),typeof helper===alias3?helper.call(alias2,{name:"url",hash:{},data,loc:{start:{line:2,column:45},end:{line:2,column:52}}}):helper))!=null?stack1:"")+":"+((stack1=(helper=lookupProperty(helpers,"port")||alias1(depth0,"port",{start:{line:2,column:55},end:{line:2,column:59}}),typeof helper===alias3?helper.call(alias2,{name:"port",hash:{},data,loc:{start:{line:2,column:53},end:{line:2,column:61}}}):helper))!=null?stack1:"")+((stack1=(helper=lookupProperty(helpers,"probePath")||alias1(depth0,"probePath",{start:{line:2,column:63},end:{line:2,column:72}}),typeof helper===alias3?helper.call(alias2,{name:"probePath",hash:{},data,loc:{start:{line:2,column:61},end:{line:2,column:74}}}):helper))!=null?stack1:"")+" with "+((stack1=(helper=lookupProperty(helpers,"markerHeader")||alias1(depth0,"markerHeader",{start:{line:2,column:82},end:{line:2,column:94}}),typeof helper===alias3?helper.call(alias2,{name:"markerHeader",hash:{},data,loc:{start:{line:2,column:80},end:{line:2,column:96}}}):helper))!=null?stack1:"")+' "'+((stack1=(helper=lookupProperty(helpers,"marker")||alias1(depth0,"marker",{start:{line:2,column:100},end:{line:2,column:106}}),typeof helper===alias3?helper.call(alias2,{name:"marker",hash:{},data,loc:{start:{line:2,column:98},end:{line:2,column:108}}}):helper))!=null?stack1:"")+`".
`+((stack1=lookupProperty(helpers,"if").call(alias2,lookupProperty(lookupProperty(depth0,"redirectNames"),"length"),{name:"if",hash:{},fn:container.program(7,data,0,blockParams,depths),inverse:container.noop,data,loc:{start:{line:46,column:0},end:{line:58,column:7}}}))!=null?stack1:"")+((stack1=lookupProperty(helpers,"if").call(alias2,lookupProperty(depth0,"httpsRequired"),{name:"if",hash:{},fn:container.program(10,data,0,blockParams,depths),inverse:container.noop,data,loc:{start:{line:59,column:0},end:{line:70,column:7}}}))!=null?stack1:"")+`
server {
`+((stack1=lookupProperty(helpers,"unless").call(alias2,lookupProperty(depth0,"httpsRequired"),{name:"unless",hash:{},fn:container.program(11,data,0,blockParams,depths),inverse:container.noop,data,loc:{start:{line:73,column:0},end:{line:75,column:11}}}))!=null?stack1:"")+((stack1=lookupProperty(helpers,"if").call(alias2,lookupProperty(depth0,"https"),{name:"if",hash:{},fn:container.program(8,data,0,blockParams,depths),inverse:container.noop,data,loc:{start:{line:76,column:0},end:{line:79,column:7}}}))!=null?stack1:"")+"    server_name"+((stack1=lookupProperty(helpers,"each").call(alias2,lookupProperty(depth0,"names"),{name:"each",hash:{},fn:container.program(9,data,0,blockParams,depths),inverse:container.noop,data,loc:{start:{line:80,column:15},end:{line:80,column:48}}}))!=null?stack1:"")+`;
`+((stack1=container.invokePartial(lookupProperty(partials,"content"),depth0,{name:"content",data,indent:"    ",helpers,partials,decorators:container.decorators}))!=null?stack1:"")+`}
`},main_d:function(fn,props,container,depth0,data,blockParams,depths){var decorators=container.decorators,lookupProperty=container.lookupProperty||function(parent,propertyName){if(Object.prototype.hasOwnProperty.call(parent,propertyName))return parent[propertyName]},decorator=lookupProperty(decorators,"inline");if(typeof decorator!="function")throw new Error('Missing decorator: "inline"');fn=decorator(fn,props,container,{name:"inline",hash:{},fn:container.program(0,data,0,blockParams,depths),inverse:container.noop,args:["tls"],data,loc:{start:{line:3,column:0},end:{line:6,column:11}}})||fn;var decorator=lookupProperty(decorators,"inline");if(typeof decorator!="function")throw new Error('Missing decorator: "inline"');fn=decorator(fn,props,container,{name:"inline",hash:{},fn:container.program(1,data,0,blockParams,depths),inverse:container.noop,args:["probe"],data,loc:{start:{line:7,column:0},end:{line:12,column:11}}})||fn;var decorator=lookupProperty(decorators,"inline");if(typeof decorator!="function")throw new Error('Missing decorator: "inline"');return fn=decorator(fn,props,container,{name:"inline",hash:{},fn:container.program(2,data,0,blockParams,depths),inverse:container.noop,args:["content"],data,loc:{start:{line:13,column:0},end:{line:45,column:11}}})||fn,fn},useDecorators:!0,usePartial:!0,useData:!0,useDepths:!0}],[`# Managed by tide: site {{site}}. Changes here are overwritten.
# tide's probe: site {{site}} answers http://{{url}}:{{port}}{{probePath}} with {{markerHeader}} "{{marker}}".
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
`,{0:function(container,depth0,helpers,partials,data){var stack1,helper,alias1=depth0??(container.nullContext||{}),lookupProperty=container.lookupProperty||function(parent,propertyName){if(Object.prototype.hasOwnProperty.call(parent,propertyName))return parent[propertyName]};return"ServerName "+((stack1=(helper=lookupProperty(helpers,"first")||container.strict(depth0,"first",{start:{line:4,column:13},end:{line:4,column:18}}),typeof helper=="function"?helper.call(alias1,{name:"first",hash:{},data,loc:{start:{line:4,column:11},end:{line:4,column:20}}}):helper))!=null?stack1:"")+`
`+((stack1=lookupProperty(helpers,"if").call(alias1,lookupProperty(lookupProperty(depth0,"rest"),"length"),{name:"if",hash:{},fn:container.program(1,data,0),inverse:container.noop,data,loc:{start:{line:5,column:0},end:{line:7,column:7}}}))!=null?stack1:"")},1:function(container,depth0,helpers,partials,data){var stack1,lookupProperty=container.lookupProperty||function(parent,propertyName){if(Object.prototype.hasOwnProperty.call(parent,propertyName))return parent[propertyName]};return"ServerAlias"+((stack1=lookupProperty(helpers,"each").call(depth0??(container.nullContext||{}),lookupProperty(depth0,"rest"),{name:"each",hash:{},fn:container.program(2,data,0),inverse:container.noop,data,loc:{start:{line:6,column:11},end:{line:6,column:43}}}))!=null?stack1:"")+`
`},2:function(container,depth0,helpers,partials,data){var stack1;return" "+((stack1=container.lambda(depth0,depth0))!=null?stack1:"")},3:function(container,depth0,helpers,partials,data){var stack1,helper,alias1=container.strict,alias2=depth0??(container.nullContext||{}),alias3="function",lookupProperty=container.lookupProperty||function(parent,propertyName){if(Object.prototype.hasOwnProperty.call(parent,propertyName))return parent[propertyName]};return"Header always set "+((stack1=(helper=lookupProperty(helpers,"markerHeader")||alias1(depth0,"markerHeader",{start:{line:10,column:20},end:{line:10,column:32}}),typeof helper===alias3?helper.call(alias2,{name:"markerHeader",hash:{},data,loc:{start:{line:10,column:18},end:{line:10,column:34}}}):helper))!=null?stack1:"")+' "'+((stack1=(helper=lookupProperty(helpers,"marker")||alias1(depth0,"marker",{start:{line:10,column:38},end:{line:10,column:44}}),typeof helper===alias3?helper.call(alias2,{name:"marker",hash:{},data,loc:{start:{line:10,column:36},end:{line:10,column:46}}}):helper))!=null?stack1:"")+`"
`},4:function(container,depth0,helpers,partials,data){var stack1,alias1=container.strict,alias2=container.lambda,lookupProperty=container.lookupProperty||function(parent,propertyName){if(Object.prototype.hasOwnProperty.call(parent,propertyName))return parent[propertyName]};return`SSLEngine on
SSLCertificateFile "`+((stack1=alias2(alias1(lookupProperty(depth0,"https"),"certificate",{start:{line:14,column:22},end:{line:14,column:39}}),depth0))!=null?stack1:"")+`"
SSLCertificateKeyFile "`+((stack1=alias2(alias1(lookupProperty(depth0,"https"),"key",{start:{line:15,column:25},end:{line:15,column:34}}),depth0))!=null?stack1:"")+`"
`},5:function(container,depth0,helpers,partials,data){var stack1,lookupProperty=container.lookupProperty||function(parent,propertyName){if(Object.prototype.hasOwnProperty.call(parent,propertyName))return parent[propertyName]};return(stack1=lookupProperty(helpers,"if").call(depth0??(container.nullContext||{}),lookupProperty(depth0,"disabled"),{name:"if",hash:{},fn:container.program(6,data,0),inverse:container.program(7,data,0),data,loc:{start:{line:18,column:0},end:{line:54,column:7}}}))!=null?stack1:""},6:function(container,depth0,helpers,partials,data){var stack1,helper,alias1=container.strict,alias2=depth0??(container.nullContext||{}),alias3="function",lookupProperty=container.lookupProperty||function(parent,propertyName){if(Object.prototype.hasOwnProperty.call(parent,propertyName))return parent[propertyName]};return`# Disabled: every request answers 503 with the "site disabled" page.
DocumentRoot "`+((stack1=(helper=lookupProperty(helpers,"disabledDir")||alias1(depth0,"disabledDir",{start:{line:20,column:16},end:{line:20,column:27}}),typeof helper===alias3?helper.call(alias2,{name:"disabledDir",hash:{},data,loc:{start:{line:20,column:14},end:{line:20,column:29}}}):helper))!=null?stack1:"")+`"
<Directory "`+((stack1=(helper=lookupProperty(helpers,"disabledDir")||alias1(depth0,"disabledDir",{start:{line:21,column:14},end:{line:21,column:25}}),typeof helper===alias3?helper.call(alias2,{name:"disabledDir",hash:{},data,loc:{start:{line:21,column:12},end:{line:21,column:27}}}):helper))!=null?stack1:"")+`">
    Options None
    AllowOverride None
    Require all granted
</Directory>
ErrorDocument 503 /index.html
RewriteEngine On
RewriteCond %{ENV:REDIRECT_STATUS} !=503
RewriteRule ^ - [R=503,L]
`},7:function(container,depth0,helpers,partials,data){var stack1,lookupProperty=container.lookupProperty||function(parent,propertyName){if(Object.prototype.hasOwnProperty.call(parent,propertyName))return parent[propertyName]};return(stack1=lookupProperty(helpers,"if").call(depth0??(container.nullContext||{}),lookupProperty(depth0,"fastcgi"),{name:"if",hash:{},fn:container.program(8,data,0),inverse:container.program(9,data,0),data,loc:{start:{line:30,column:0},end:{line:54,column:0}}}))!=null?stack1:""},8:function(container,depth0,helpers,partials,data){var stack1,helper,alias1=container.strict,alias2=depth0??(container.nullContext||{}),alias3="function",lookupProperty=container.lookupProperty||function(parent,propertyName){if(Object.prototype.hasOwnProperty.call(parent,propertyName))return parent[propertyName]};return"Redirect gone "+((stack1=(helper=lookupProperty(helpers,"probePath")||alias1(depth0,"probePath",{start:{line:31,column:16},end:{line:31,column:25}}),typeof helper===alias3?helper.call(alias2,{name:"probePath",hash:{},data,loc:{start:{line:31,column:14},end:{line:31,column:27}}}):helper))!=null?stack1:"")+`
DocumentRoot "`+((stack1=(helper=lookupProperty(helpers,"docroot")||alias1(depth0,"docroot",{start:{line:32,column:16},end:{line:32,column:23}}),typeof helper===alias3?helper.call(alias2,{name:"docroot",hash:{},data,loc:{start:{line:32,column:14},end:{line:32,column:25}}}):helper))!=null?stack1:"")+`"
<Directory "`+((stack1=(helper=lookupProperty(helpers,"docroot")||alias1(depth0,"docroot",{start:{line:33,column:14},end:{line:33,column:21}}),typeof helper===alias3?helper.call(alias2,{name:"docroot",hash:{},data,loc:{start:{line:33,column:12},end:{line:33,column:23}}}):helper))!=null?stack1:"")+`">
    Options FollowSymLinks
    # Drupal and most PHP applications ship .htaccess rules.
    AllowOverride All
    Require all granted
</Directory>
DirectoryIndex index.php index.html
FallbackResource /index.php
SetEnv TIDE_SITE_DIR "`+((stack1=(helper=lookupProperty(helpers,"siteDir")||alias1(depth0,"siteDir",{start:{line:41,column:24},end:{line:41,column:31}}),typeof helper===alias3?helper.call(alias2,{name:"siteDir",hash:{},data,loc:{start:{line:41,column:22},end:{line:41,column:33}}}):helper))!=null?stack1:"")+`"
<FilesMatch "\\.php$">
    SetHandler "`+((stack1=(helper=lookupProperty(helpers,"fastcgiHandler")||alias1(depth0,"fastcgiHandler",{start:{line:43,column:18},end:{line:43,column:32}}),typeof helper===alias3?helper.call(alias2,{name:"fastcgiHandler",hash:{},data,loc:{start:{line:43,column:16},end:{line:43,column:34}}}):helper))!=null?stack1:"")+`"
</FilesMatch>
`},9:function(container,depth0,helpers,partials,data){var stack1,helper,alias1=container.strict,alias2=depth0??(container.nullContext||{}),alias3="function",lookupProperty=container.lookupProperty||function(parent,propertyName){if(Object.prototype.hasOwnProperty.call(parent,propertyName))return parent[propertyName]};return"Redirect gone "+((stack1=(helper=lookupProperty(helpers,"probePath")||alias1(depth0,"probePath",{start:{line:46,column:16},end:{line:46,column:25}}),typeof helper===alias3?helper.call(alias2,{name:"probePath",hash:{},data,loc:{start:{line:46,column:14},end:{line:46,column:27}}}):helper))!=null?stack1:"")+`
DocumentRoot "`+((stack1=(helper=lookupProperty(helpers,"docroot")||alias1(depth0,"docroot",{start:{line:47,column:16},end:{line:47,column:23}}),typeof helper===alias3?helper.call(alias2,{name:"docroot",hash:{},data,loc:{start:{line:47,column:14},end:{line:47,column:25}}}):helper))!=null?stack1:"")+`"
<Directory "`+((stack1=(helper=lookupProperty(helpers,"docroot")||alias1(depth0,"docroot",{start:{line:48,column:14},end:{line:48,column:21}}),typeof helper===alias3?helper.call(alias2,{name:"docroot",hash:{},data,loc:{start:{line:48,column:12},end:{line:48,column:23}}}):helper))!=null?stack1:"")+`">
    Options FollowSymLinks
    AllowOverride None
    Require all granted
</Directory>
DirectoryIndex index.html index.htm
`},10:function(container,depth0,helpers,partials,data){var stack1,helper,alias1=container.strict,alias2=depth0??(container.nullContext||{}),alias3="function",lookupProperty=container.lookupProperty||function(parent,propertyName){if(Object.prototype.hasOwnProperty.call(parent,propertyName))return parent[propertyName]};return`
# Aliases redirect to the main URL.
<VirtualHost *:`+((stack1=(helper=lookupProperty(helpers,"port")||alias1(depth0,"port",{start:{line:59,column:17},end:{line:59,column:21}}),typeof helper===alias3?helper.call(alias2,{name:"port",hash:{},data,loc:{start:{line:59,column:15},end:{line:59,column:23}}}):helper))!=null?stack1:"")+`>
`+((stack1=container.invokePartial(lookupProperty(partials,"names"),depth0,{name:"names",hash:{rest:lookupProperty(depth0,"redirectRest"),first:lookupProperty(lookupProperty(depth0,"redirectNames"),"0")},data,indent:"    ",helpers,partials,decorators:container.decorators}))!=null?stack1:"")+((stack1=container.invokePartial(lookupProperty(partials,"marker"),depth0,{name:"marker",data,indent:"    ",helpers,partials,decorators:container.decorators}))!=null?stack1:"")+"    Redirect permanent / "+((stack1=(helper=lookupProperty(helpers,"canonical")||alias1(depth0,"canonical",{start:{line:62,column:27},end:{line:62,column:36}}),typeof helper===alias3?helper.call(alias2,{name:"canonical",hash:{},data,loc:{start:{line:62,column:25},end:{line:62,column:38}}}):helper))!=null?stack1:"")+`/
</VirtualHost>
`+((stack1=lookupProperty(helpers,"if").call(alias2,lookupProperty(depth0,"https"),{name:"if",hash:{},fn:container.program(11,data,0),inverse:container.noop,data,loc:{start:{line:64,column:0},end:{line:71,column:7}}}))!=null?stack1:"")},11:function(container,depth0,helpers,partials,data){var stack1,helper,alias1=container.strict,alias2=depth0??(container.nullContext||{}),alias3="function",lookupProperty=container.lookupProperty||function(parent,propertyName){if(Object.prototype.hasOwnProperty.call(parent,propertyName))return parent[propertyName]};return"<VirtualHost *:"+((stack1=(helper=lookupProperty(helpers,"httpsPort")||alias1(depth0,"httpsPort",{start:{line:65,column:17},end:{line:65,column:26}}),typeof helper===alias3?helper.call(alias2,{name:"httpsPort",hash:{},data,loc:{start:{line:65,column:15},end:{line:65,column:28}}}):helper))!=null?stack1:"")+`>
`+((stack1=container.invokePartial(lookupProperty(partials,"names"),depth0,{name:"names",hash:{rest:lookupProperty(depth0,"redirectRest"),first:lookupProperty(lookupProperty(depth0,"redirectNames"),"0")},data,indent:"    ",helpers,partials,decorators:container.decorators}))!=null?stack1:"")+((stack1=container.invokePartial(lookupProperty(partials,"marker"),depth0,{name:"marker",data,indent:"    ",helpers,partials,decorators:container.decorators}))!=null?stack1:"")+((stack1=container.invokePartial(lookupProperty(partials,"tls"),depth0,{name:"tls",data,indent:"    ",helpers,partials,decorators:container.decorators}))!=null?stack1:"")+"    Redirect permanent / "+((stack1=(helper=lookupProperty(helpers,"canonical")||alias1(depth0,"canonical",{start:{line:69,column:27},end:{line:69,column:36}}),typeof helper===alias3?helper.call(alias2,{name:"canonical",hash:{},data,loc:{start:{line:69,column:25},end:{line:69,column:38}}}):helper))!=null?stack1:"")+`/
</VirtualHost>
`},12:function(container,depth0,helpers,partials,data){var stack1,helper,lookupProperty=container.lookupProperty||function(parent,propertyName){if(Object.prototype.hasOwnProperty.call(parent,propertyName))return parent[propertyName]};return`    # HTTPS is required: plain HTTP redirects, keeping the host name.
    RewriteEngine On
    RewriteRule ^ https://%{SERVER_NAME}`+((stack1=(helper=lookupProperty(helpers,"httpsPortSuffix")||container.strict(depth0,"httpsPortSuffix",{start:{line:80,column:42},end:{line:80,column:57}}),typeof helper=="function"?helper.call(depth0??(container.nullContext||{}),{name:"httpsPortSuffix",hash:{},data,loc:{start:{line:80,column:40},end:{line:80,column:59}}}):helper))!=null?stack1:"")+`%{REQUEST_URI} [R=301,L]
`},13:function(container,depth0,helpers,partials,data){var stack1,lookupProperty=container.lookupProperty||function(parent,propertyName){if(Object.prototype.hasOwnProperty.call(parent,propertyName))return parent[propertyName]};return(stack1=container.invokePartial(lookupProperty(partials,"content"),depth0,{name:"content",data,indent:"    ",helpers,partials,decorators:container.decorators}))!=null?stack1:""},14:function(container,depth0,helpers,partials,data){var stack1,helper,lookupProperty=container.lookupProperty||function(parent,propertyName){if(Object.prototype.hasOwnProperty.call(parent,propertyName))return parent[propertyName]};return`
<VirtualHost *:`+((stack1=(helper=lookupProperty(helpers,"httpsPort")||container.strict(depth0,"httpsPort",{start:{line:87,column:17},end:{line:87,column:26}}),typeof helper=="function"?helper.call(depth0??(container.nullContext||{}),{name:"httpsPort",hash:{},data,loc:{start:{line:87,column:15},end:{line:87,column:28}}}):helper))!=null?stack1:"")+`>
`+((stack1=container.invokePartial(lookupProperty(partials,"names"),depth0,{name:"names",hash:{rest:lookupProperty(depth0,"servedAliases"),first:lookupProperty(depth0,"url")},data,indent:"    ",helpers,partials,decorators:container.decorators}))!=null?stack1:"")+((stack1=container.invokePartial(lookupProperty(partials,"marker"),depth0,{name:"marker",data,indent:"    ",helpers,partials,decorators:container.decorators}))!=null?stack1:"")+((stack1=container.invokePartial(lookupProperty(partials,"tls"),depth0,{name:"tls",data,indent:"    ",helpers,partials,decorators:container.decorators}))!=null?stack1:"")+((stack1=container.invokePartial(lookupProperty(partials,"content"),depth0,{name:"content",data,indent:"    ",helpers,partials,decorators:container.decorators}))!=null?stack1:"")+`</VirtualHost>
`},compiler:[8,">= 4.3.0"],main:function(container,depth0,helpers,partials,data,blockParams,depths){var stack1,helper,alias1=container.strict,alias2=depth0??(container.nullContext||{}),alias3="function",lookupProperty=container.lookupProperty||function(parent,propertyName){if(Object.prototype.hasOwnProperty.call(parent,propertyName))return parent[propertyName]};return"# Managed by tide: site "+((stack1=(helper=lookupProperty(helpers,"site")||alias1(depth0,"site",{start:{line:1,column:26},end:{line:1,column:30}}),typeof helper===alias3?helper.call(alias2,{name:"site",hash:{},data,loc:{start:{line:1,column:24},end:{line:1,column:32}}}):helper))!=null?stack1:"")+`. Changes here are overwritten.
# tide's probe: site `+((stack1=(helper=lookupProperty(helpers,"site")||alias1(depth0,"site",{start:{line:2,column:23},end:{line:2,column:27}}),typeof helper===alias3?helper.call(alias2,{name:"site",hash:{},data,loc:{start:{line:2,column:21},end:{line:2,column:29}}}):helper))!=null?stack1:"")+" answers http://"+((stack1=(helper=lookupProperty(helpers,"url")||alias1(depth0,"url",{start:{line:2,column:47},end:{line:2,column:50}}),typeof helper===alias3?helper.call(alias2,{name:"url",hash:{},data,loc:{start:{line:2,column:45},end:{line:2,column:52}}}):helper))!=null?stack1:"")+":"+((stack1=(helper=lookupProperty(helpers,"port")||alias1(depth0,"port",{start:{line:2,column:55},end:{line:2,column:59}}),typeof helper===alias3?helper.call(alias2,{name:"port",hash:{},data,loc:{start:{line:2,column:53},end:{line:2,column:61}}}):helper))!=null?stack1:"")+((stack1=(helper=lookupProperty(helpers,"probePath")||alias1(depth0,"probePath",{start:{line:2,column:63},end:{line:2,column:72}}),typeof helper===alias3?helper.call(alias2,{name:"probePath",hash:{},data,loc:{start:{line:2,column:61},end:{line:2,column:74}}}):helper))!=null?stack1:"")+" with "+((stack1=(helper=lookupProperty(helpers,"markerHeader")||alias1(depth0,"markerHeader",{start:{line:2,column:82},end:{line:2,column:94}}),typeof helper===alias3?helper.call(alias2,{name:"markerHeader",hash:{},data,loc:{start:{line:2,column:80},end:{line:2,column:96}}}):helper))!=null?stack1:"")+' "'+((stack1=(helper=lookupProperty(helpers,"marker")||alias1(depth0,"marker",{start:{line:2,column:100},end:{line:2,column:106}}),typeof helper===alias3?helper.call(alias2,{name:"marker",hash:{},data,loc:{start:{line:2,column:98},end:{line:2,column:108}}}):helper))!=null?stack1:"")+`".
`+((stack1=lookupProperty(helpers,"if").call(alias2,lookupProperty(lookupProperty(depth0,"redirectNames"),"length"),{name:"if",hash:{},fn:container.program(10,data,0,blockParams,depths),inverse:container.noop,data,loc:{start:{line:56,column:0},end:{line:72,column:7}}}))!=null?stack1:"")+`
<VirtualHost *:`+((stack1=(helper=lookupProperty(helpers,"port")||alias1(depth0,"port",{start:{line:74,column:17},end:{line:74,column:21}}),typeof helper===alias3?helper.call(alias2,{name:"port",hash:{},data,loc:{start:{line:74,column:15},end:{line:74,column:23}}}):helper))!=null?stack1:"")+`>
`+((stack1=container.invokePartial(lookupProperty(partials,"names"),depth0,{name:"names",hash:{rest:lookupProperty(depth0,"servedAliases"),first:lookupProperty(depth0,"url")},data,indent:"    ",helpers,partials,decorators:container.decorators}))!=null?stack1:"")+((stack1=container.invokePartial(lookupProperty(partials,"marker"),depth0,{name:"marker",data,indent:"    ",helpers,partials,decorators:container.decorators}))!=null?stack1:"")+((stack1=lookupProperty(helpers,"if").call(alias2,lookupProperty(depth0,"httpsRequired"),{name:"if",hash:{},fn:container.program(12,data,0,blockParams,depths),inverse:container.program(13,data,0,blockParams,depths),data,loc:{start:{line:77,column:0},end:{line:83,column:7}}}))!=null?stack1:"")+`</VirtualHost>
`+((stack1=lookupProperty(helpers,"if").call(alias2,lookupProperty(depth0,"https"),{name:"if",hash:{},fn:container.program(14,data,0,blockParams,depths),inverse:container.noop,data,loc:{start:{line:85,column:0},end:{line:93,column:7}}}))!=null?stack1:"")},main_d:function(fn,props,container,depth0,data,blockParams,depths){var decorators=container.decorators,lookupProperty=container.lookupProperty||function(parent,propertyName){if(Object.prototype.hasOwnProperty.call(parent,propertyName))return parent[propertyName]},decorator=lookupProperty(decorators,"inline");if(typeof decorator!="function")throw new Error('Missing decorator: "inline"');fn=decorator(fn,props,container,{name:"inline",hash:{},fn:container.program(0,data,0,blockParams,depths),inverse:container.noop,args:["names"],data,loc:{start:{line:3,column:0},end:{line:8,column:11}}})||fn;var decorator=lookupProperty(decorators,"inline");if(typeof decorator!="function")throw new Error('Missing decorator: "inline"');fn=decorator(fn,props,container,{name:"inline",hash:{},fn:container.program(3,data,0,blockParams,depths),inverse:container.noop,args:["marker"],data,loc:{start:{line:9,column:0},end:{line:11,column:11}}})||fn;var decorator=lookupProperty(decorators,"inline");if(typeof decorator!="function")throw new Error('Missing decorator: "inline"');fn=decorator(fn,props,container,{name:"inline",hash:{},fn:container.program(4,data,0,blockParams,depths),inverse:container.noop,args:["tls"],data,loc:{start:{line:12,column:0},end:{line:16,column:11}}})||fn;var decorator=lookupProperty(decorators,"inline");if(typeof decorator!="function")throw new Error('Missing decorator: "inline"');return fn=decorator(fn,props,container,{name:"inline",hash:{},fn:container.program(5,data,0,blockParams,depths),inverse:container.noop,args:["content"],data,loc:{start:{line:17,column:0},end:{line:55,column:11}}})||fn,fn},useDecorators:!0,usePartial:!0,useData:!0,useDepths:!0}]];export{templates};
