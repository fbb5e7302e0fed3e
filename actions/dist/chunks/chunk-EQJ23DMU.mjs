import { createRequire as __tideCreateRequire } from 'node:module';
import { fileURLToPath as __tideFileURLToPath } from 'node:url';
import { dirname as __tideDirname } from 'node:path';
const require = __tideCreateRequire(import.meta.url);
const __filename = __tideFileURLToPath(import.meta.url);
const __dirname = __tideDirname(__filename);
function emptyRecordedState(branch){return{branch,commit:null,servers:new Map,platforms:new Map,sites:new Map,deletedSites:new Map}}export{emptyRecordedState};
