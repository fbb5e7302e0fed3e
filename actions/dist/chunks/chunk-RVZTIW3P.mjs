import { createRequire as __tideCreateRequire } from 'node:module';
import { fileURLToPath as __tideFileURLToPath } from 'node:url';
import { dirname as __tideDirname } from 'node:path';
const require = __tideCreateRequire(import.meta.url);
const __filename = __tideFileURLToPath(import.meta.url);
const __dirname = __tideDirname(__filename);
import{require_handlebars_runtime}from"./chunk-TNPC4BH7.mjs";import{dbServiceType,sitePool}from"./chunk-6LIU5IMO.mjs";import{driverFor}from"./chunk-UPXEKLK5.mjs";import{effectiveVars,phpIsolation}from"./chunk-7VMXB5JT.mjs";import{checkRecordedSite}from"./chunk-WH55Y2GF.mjs";import{siteDatabaseNames}from"./chunk-53P5CQYE.mjs";import{OperationPreconditionError,SETTINGS_FILE,platformDir,serverDirs,siteDir}from"./chunk-KJO56WXJ.mjs";import{TideError}from"./chunk-VYVCF43U.mjs";import{__commonJS,__toESM}from"./chunk-G5BJ6GPD.mjs";var require_runtime=__commonJS({"node_modules/handlebars/runtime.js"(exports,module){module.exports=require_handlebars_runtime().default}});function shouldExist(ctx){let site=ctx.desired.sites.get(ctx.op.target.name);if(!site)throw new OperationPreconditionError(`Site ${ctx.op.target.name} is not in the fleet.`);return site}function recordedSite(ctx){let site=ctx.recorded.sites.get(ctx.op.target.name);if(!site)throw new OperationPreconditionError(`Site ${ctx.op.target.name} has no record on the state branch, so tide does not know where it is.`,"Run tide verify, or restore its state file from an earlier state commit.");return checkRecordedSite(ctx.desired,site),site}var import_runtime=__toESM(require_runtime(),1);import{createHash}from"node:crypto";var MARKER_HEADER="X-Tide-Vhost",PROBE_PATH="/.tide-vhost",PLACEHOLDER="<tide-vhost-marker>",PROBE_LINE=`# tide's probe: site {{site}} answers http://{{url}}:{{port}}{{probePath}} with {{markerHeader}} "{{marker}}".`,PROBE_IN_VHOST=/^# tide's probe: site ([a-z0-9.-]+) answers http:\/\/([a-z0-9.-]+):([0-9]{1,5})\/\.tide-vhost with X-Tide-Vhost "([0-9a-f]{16})"\.$/m,VHOST_COMPILE_OPTIONS={noEscape:!0,strict:!0},Runtime=import_runtime.default,precompiled=await import("./templates.generated-RKC7BYE7.mjs").then(m=>new Map(m.templates),()=>{}),compiler=precompiled?void 0:(await import("./lib-DCMWHNHC.mjs")).default;function templateDigest(source){return createHash("sha256").update(source).digest("hex")}function compileVhostTemplate(source){let spec=precompiled?.get(templateDigest(source));if(precompiled&&!spec)throw new Error("a vhost template changed after templates.generated.js was written: run npm run build");let template=spec?Runtime.create().template(spec):compiler.create().compile(source,VHOST_COMPILE_OPTIONS);return view=>{let text=template({...view,marker:PLACEHOLDER,markerHeader:MARKER_HEADER,probePath:PROBE_PATH}).replace(/\n{3,}/g,`

`),marker=createHash("sha256").update(text).digest("hex").slice(0,16);return text.replaceAll(PLACEHOLDER,marker)}}function vhostProbe(content){let found=content===null?null:PROBE_IN_VHOST.exec(content.toString("utf8"));return found?{site:found[1],host:found[2],port:Number(found[3]),marker:found[4]}:null}var VhostValueError=class extends TideError{field;constructor(site,field,value,expected){super("VHOST_VALUE_INVALID",`site ${JSON.stringify(site)}: ${field} ${JSON.stringify(value)} is not ${expected}; no vhost was written.`,{hint:"Vhost values must be plain host names, absolute paths of [A-Za-z0-9._/@+-] and port numbers."}),this.field=field}},HOSTNAME=/^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/,ABS_PATH=/^(?!.*\/\.\.(?:\/|$))\/[A-Za-z0-9._/@+-]*$/,FASTCGI_UNIX=/^unix:(\/[A-Za-z0-9._/@+-]+)$/,FASTCGI_TCP=/^([A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?):([0-9]{1,5})$/;function hostname(site,field,value){if(typeof value!="string"||!HOSTNAME.test(value))throw new VhostValueError(site,field,value,"a lower-case host name");return value}function absPath(site,field,value){if(typeof value!="string"||!ABS_PATH.test(value))throw new VhostValueError(site,field,value,'an absolute path of letters, digits, ".", "_", "/", "@", "+" or "-"');return value}function port(site,field,value){if(typeof value!="number"||!Number.isInteger(value)||value<1||value>65535)throw new VhostValueError(site,field,value,"a port number from 1 to 65535");return value}function parseFastcgi(site,value){let unix=FASTCGI_UNIX.exec(value);if(unix)return{kind:"unix",path:absPath(site,"fastcgi",unix[1])};let tcp=FASTCGI_TCP.exec(value);if(tcp)return{kind:"tcp",host:tcp[1],port:port(site,"fastcgi port",Number(tcp[2]))};throw new VhostValueError(site,"fastcgi",value,"unix:/PATH or HOST:PORT")}function safeVhost(facts){let site=typeof facts.site=="string"?facts.site:String(facts.site);hostname(site,"site",facts.site);let url=hostname(site,"url",facts.url);if(!Array.isArray(facts.aliases))throw new VhostValueError(site,"aliases",facts.aliases,"a list of host names");let aliases=[...new Set(facts.aliases.map((a,i)=>hostname(site,`aliases[${i}]`,a)))].filter(a=>a!==url),https=facts.https&&{certificate:absPath(site,"https.certificate",facts.https.certificate),key:absPath(site,"https.key",facts.https.key),required:facts.https.required===!0},httpPort=port(site,"port",facts.port),httpsPort=port(site,"httpsPort",facts.httpsPort);if(https&&httpPort===httpsPort)throw new VhostValueError(site,"httpsPort",httpsPort,"different from port");let redirect=facts.redirectAliases===!0,canonical=https?`https://${url}${httpsPort===443?"":`:${httpsPort}`}`:`http://${url}${httpPort===80?"":`:${httpPort}`}`;return{site,url,aliases,redirectAliases:redirect,...https?{https}:{},port:httpPort,httpsPort,docroot:absPath(site,"docroot",facts.docroot),siteDir:absPath(site,"siteDir",facts.siteDir),fastcgi:facts.fastcgi===null?null:parseFastcgi(site,facts.fastcgi),disabled:facts.disabled===!0,disabledDir:absPath(site,"disabledDir",facts.disabledDir),names:redirect?[url]:[url,...aliases],redirectNames:redirect?aliases:[],canonical,httpsRequired:https?.required===!0,httpsPortSuffix:httpsPort===443?"":`:${httpsPort}`}}function vhostFileName(configDir,site){if(hostname(site,"site",site),!ABS_PATH.test(configDir))throw new VhostValueError(site,"configDir",configDir,"an absolute path");return`${configDir.replace(/\/+$/,"")}/tide-${site}.conf`}var APACHE_VHOST=`# Managed by tide: site {{site}}. Changes here are overwritten.
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
`;var render=compileVhostTemplate(APACHE_VHOST);function fastcgiHandler(address){return address.kind==="unix"?`proxy:unix:${address.path}|fcgi://localhost`:`proxy:fcgi://${address.host}:${address.port}`}var apache={type:"apache",vhostPath:(config,site)=>vhostFileName(config.configDir,site),renderVhost(facts){let view=safeVhost(facts);return render({...view,servedAliases:view.names.slice(1),redirectRest:view.redirectNames.slice(1),fastcgiHandler:view.fastcgi&&fastcgiHandler(view.fastcgi)})}};var NGINX_VHOST=`# Managed by tide: site {{site}}. Changes here are overwritten.
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
`;var render2=compileVhostTemplate(NGINX_VHOST);function fastcgiPass(address){return address.kind==="unix"?`unix:${address.path}`:`${address.host}:${address.port}`}var nginx={type:"nginx",vhostPath:(config,site)=>vhostFileName(config.configDir,site),renderVhost(facts){let view=safeVhost(facts);return render2({...view,fastcgiPass:view.fastcgi&&fastcgiPass(view.fastcgi)})}};var TYPES=new Map([nginx,apache].map(t=>[t.type,t])),UnknownHttpServiceError=class extends TideError{constructor(type){super("HTTP_SERVICE_UNKNOWN",`no HTTP service type ${JSON.stringify(type)}; tide knows ${[...TYPES.keys()].join(", ")}.`)}};function httpServiceType(type){let found=TYPES.get(type);if(!found)throw new UnknownHttpServiceError(type);return found}var recordedIsolation=site=>site.phpIsolation??"shared";function siteResources(ctx,name,shape,options={}){let{dir=siteDir(ctx.server,name)}=options,{server}=ctx,platform=ctx.desired.platforms.get(shape.platform);if(!platform)throw new OperationPreconditionError(`Site ${name} runs on platform ${shape.platform}, which is no longer in the fleet.`,"Keep the platform in the fleet until its sites have moved or been deleted.");let driver=driverFor(platform.driver),{db:dbConfig,http:httpConfig}=server.services,db=driver.usesDatabase&&dbConfig.type!=="none"?{type:dbServiceType(dbConfig.type),admin:{config:dbConfig,password:ctx.dbAdminPassword()},...shape.db??siteDatabaseNames(name)}:null,http=httpConfig.type==="none"?null:(()=>{let type=httpServiceType(httpConfig.type);return{type,path:type.vhostPath(httpConfig,name)}})(),isolation=options.isolation??phpIsolation(server,platform),pool=isolation==="per-site"&&driver.usesPhp&&http?sitePool(server,name):null;return{name,server,platform,driver,dir,settingsPath:`${dir}/${SETTINGS_FILE}`,platformDir:platformDir(server,platform.name),db,http,isolation,pool,group:pool?.user??server.webGroup,shape}}function siteFacts(r,password){let{db}=r,https=!!r.shape.https,scheme=https?"https":"http",{port:httpPort,httpsPort}=r.server.services.http,port2=https?httpsPort:httpPort,defaultPort=https?443:80,baseUrl=`${scheme}://${r.shape.url}${port2===defaultPort||port2===void 0?"":`:${port2}`}`;return{site:{name:r.name,url:r.shape.url,dir:r.dir,profile:r.shape.profile,https,scheme,port:port2??defaultPort,baseUrl},vars:effectiveVars(r.platform.vars,r.shape.vars)??{},db:db&&password!==null?{host:db.admin.config.host,port:db.admin.config.port,name:db.name,user:db.user,password}:null}}var vhostModeFor=status=>status==="disabled"?"disabled":"live";function renderSiteVhost(r,mode){if(!r.http)throw new Error("renderSiteVhost: the server has no http service");let http=r.server.services.http,docroot=r.platform.docroot==="."?r.platformDir:`${r.platformDir}/${r.platform.docroot.replace(/^\.\/|\/$/g,"")}`;return r.http.type.renderVhost({site:r.name,url:r.shape.url,aliases:r.shape.aliases,redirectAliases:r.shape.redirectAliases,https:r.shape.https,port:http.port,httpsPort:http.httpsPort,docroot,siteDir:r.dir,fastcgi:r.driver.usesPhp?r.pool?`unix:${r.pool.socket}`:http.fastcgi??null:null,disabled:mode!=="live",disabledDir:mode==="maintenance"?serverDirs(r.server).maintenance:serverDirs(r.server).disabled})}export{shouldExist,recordedSite,MARKER_HEADER,PROBE_PATH,vhostProbe,recordedIsolation,siteResources,siteFacts,vhostModeFor,renderSiteVhost};
