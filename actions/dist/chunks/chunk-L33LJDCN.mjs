import { createRequire as __tideCreateRequire } from 'node:module';
import { fileURLToPath as __tideFileURLToPath } from 'node:url';
import { dirname as __tideDirname } from 'node:path';
const require = __tideCreateRequire(import.meta.url);
const __filename = __tideFileURLToPath(import.meta.url);
const __dirname = __tideDirname(__filename);
function httpCommand(http,which){return http.sudo?`sudo -n ${http[which]}`:http[which]}var DISABLED_PAGE=`<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Site disabled</title></head>
<body>
<h1>This site is disabled</h1>
<p>It has been disabled by its hosting provider. Please contact them if you think this is a mistake.</p>
</body>
</html>
`,MAINTENANCE_PAGE=`<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Down for maintenance</title></head>
<body>
<h1>This site is down for maintenance</h1>
<p>It will be back in a few minutes.</p>
</body>
</html>
`;export{httpCommand,DISABLED_PAGE,MAINTENANCE_PAGE};
