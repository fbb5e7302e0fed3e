// The status page's handlebars template, kept in code because tsc does not
// copy assets to dist/. Only double-stash {{value}} is used: handlebars
// escapes each value for HTML (& < > " ' ` =), and every value is a string
// or number the view made. No script, no external asset: the style is inline,
// and the response's Content-Security-Policy allows nothing else.

export const STATUS_TEMPLATE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>tide · {{fleet}}</title>
<style>
body { font: 14px/1.4 system-ui, sans-serif; margin: 1.5rem; color: #1b1f24; background: #fff; }
h1 { font-size: 1.4rem; margin: 0 0 .5rem; } h2 { font-size: 1.1rem; margin: 1.5rem 0 .5rem; }
table { border-collapse: collapse; width: 100%; } th, td { text-align: left; padding: .25rem .5rem; border-bottom: 1px solid #d8dee4; vertical-align: top; }
th { background: #f6f8fa; font-weight: 600; } .facts td:first-child { color: #57606a; width: 12rem; }
.ok { color: #1a7f37; } .bad { color: #cf222e; font-weight: 600; } .muted { color: #57606a; }
pre { background: #f6f8fa; padding: .75rem; overflow-x: auto; white-space: pre-wrap; word-break: break-all; max-height: 40rem; }
form { margin: .5rem 0; } input[type=search] { width: 20rem; padding: .25rem; } nav a { margin-right: 1rem; }
.counts span { margin-right: 1.5rem; }
</style>
</head>
<body>
<h1>tide · {{fleet}}</h1>
<p class="counts"><span>{{counts.servers}} servers</span><span>{{counts.platforms}} platforms</span><span>{{counts.sites}} sites</span><span{{#if counts.drifted}} class="bad"{{/if}}>{{counts.drifted}} drifted</span></p>
<table class="facts">{{#each facts}}<tr><td>{{label}}</td><td>{{value}}</td></tr>{{/each}}</table>

{{#if detail}}
<h2 id="detail">{{detail.title}}</h2>
<p><a href="?">back to the fleet</a></p>
{{#if detail.unreadable}}<p class="bad">This record cannot be read: {{detail.unreadable}}</p>{{/if}}
<table class="facts">{{#each detail.fields}}<tr><td>{{label}}</td><td>{{value}}</td></tr>{{/each}}</table>
{{#if detail.tasks.length}}<h2>Tasks</h2><table><tr><th>task</th><th>status</th></tr>{{#each detail.tasks}}<tr><td>{{name}}</td><td>{{status}}</td></tr>{{/each}}</table>{{/if}}
<h2>Log (redacted)</h2>
{{#if detail.log}}<pre>{{detail.log}}</pre>{{else}}<p class="muted">No log was kept.</p>{{/if}}
{{/if}}

<h2>Pending plan</h2>
{{#if plan}}
<p>{{plan.summary}} <span class="muted">(fleet commit {{plan.desired}})</span></p>
{{#if plan.operations.length}}
<table><tr><th>action</th><th>target</th><th>server</th><th>why</th><th>blocked</th></tr>
{{#each plan.operations}}<tr><td>{{action}}{{#if destructive}} <span class="bad">(destructive)</span>{{/if}}</td><td>{{target}}</td><td>{{server}}</td><td>{{reason}}</td><td class="bad">{{blocked}}</td></tr>{{/each}}
</table>
{{/if}}
{{else}}<p class="muted">No pending plan: the servers are as the fleet repository says, or the daemon applies what it plans.</p>{{/if}}

<h2>Drift</h2>
{{#if drift.items.length}}
<table><tr><th>kind</th><th>name</th><th>what differs</th></tr>
{{#each drift.items}}<tr><td>{{kind}}</td><td>{{name}}</td><td class="bad">{{drift}}</td></tr>{{/each}}
</table>
{{#if drift.more}}<p><a href="?drifted=1">and {{drift.more}} more drifted</a></p>{{/if}}
{{else}}<p class="ok">No drift recorded.</p>{{/if}}

<h2>Servers</h2>
<table><tr><th>name</th><th>reached as</th><th>status</th><th>verified</th><th>last operation</th></tr>
{{#each servers}}<tr><td>{{name}}</td><td>{{where}}</td><td class="{{#if ok}}ok{{else}}bad{{/if}}">{{status}}</td><td>{{verified}}</td><td>{{#if last}}<a href="{{last.link}}" class="{{#if last.ok}}ok{{else}}bad{{/if}}">{{last.text}}</a> <span class="muted">{{last.at}}</span>{{/if}}</td></tr>{{/each}}
</table>

<h2>Platforms</h2>
<table><tr><th>name</th><th>driver</th><th>on</th><th>drift</th><th>last operation</th></tr>
{{#each platforms}}<tr><td>{{name}}</td><td>{{driver}}</td><td>{{servers}}</td><td{{#if drift}} class="bad"{{/if}}>{{drift}}</td><td>{{#if last}}<a href="{{last.link}}" class="{{#if last.ok}}ok{{else}}bad{{/if}}">{{last.text}}</a> <span class="muted">{{last.at}}</span>{{/if}}</td></tr>{{/each}}
</table>

<h2 id="sites">Sites</h2>
<form method="get" action="" role="search">
<input type="search" name="q" value="{{search.q}}" placeholder="name, url, platform, server, client, status" aria-label="Search sites">
<label><input type="checkbox" name="drifted" value="1"{{#if search.drifted}} checked{{/if}}> drifted only</label>
<button type="submit">Search</button>
</form>
<p class="muted">{{search.matching}} of {{search.total}} sites · page {{paging.page}} of {{paging.pages}}</p>
<table><tr><th>name</th><th>url</th><th>status</th><th>platform</th><th>server</th><th>cron</th><th>backups</th><th>drift</th><th>last operation</th></tr>
{{#each sites}}<tr><td>{{name}}</td><td>{{url}}</td><td class="{{#if ok}}ok{{else}}muted{{/if}}">{{status}}</td><td>{{platform}}</td><td>{{server}}</td><td>{{#if cronLink}}<a href="{{cronLink}}">{{cron}}</a>{{/if}}</td><td>{{backups}}</td><td class="bad">{{drift}}</td><td>{{#if last}}<a href="{{last.link}}" class="{{#if last.ok}}ok{{else}}bad{{/if}}">{{last.text}}</a> <span class="muted">{{last.at}}</span>{{/if}}</td></tr>{{/each}}
</table>
<nav>{{#if paging.prev}}<a href="{{paging.prev}}" rel="prev">← previous</a>{{/if}}{{#if paging.next}}<a href="{{paging.next}}" rel="next">next →</a>{{/if}}</nav>

<h2>Recent operations</h2>
{{#if recent.length}}
<table><tr><th>finished</th><th>action</th><th>target</th><th>server</th><th>status</th></tr>
{{#each recent}}<tr><td>{{at}}</td><td><a href="{{link}}">{{action}}</a></td><td>{{target}}</td><td>{{server}}</td><td class="{{#if ok}}ok{{else}}bad{{/if}}">{{status}}</td></tr>{{/each}}
</table>
{{else}}<p class="muted">No operation recorded yet.</p>{{/if}}
</body>
</html>
`;
