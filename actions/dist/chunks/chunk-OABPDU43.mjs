import { createRequire as __tideCreateRequire } from 'node:module';
import { fileURLToPath as __tideFileURLToPath } from 'node:url';
import { dirname as __tideDirname } from 'node:path';
const require = __tideCreateRequire(import.meta.url);
const __filename = __tideFileURLToPath(import.meta.url);
const __dirname = __tideDirname(__filename);
var STATE_DIR="state",SERVERS_DIR=`${STATE_DIR}/servers`,PLATFORMS_DIR=`${STATE_DIR}/platforms`,SITES_DIR=`${STATE_DIR}/sites`,DELETED_SITES_DIR=`${STATE_DIR}/deleted-sites`,OPERATIONS_DIR="operations",serverStatePath=name=>`${SERVERS_DIR}/${name}.json`,platformStatePath=name=>`${PLATFORMS_DIR}/${name}.json`,siteStatePath=name=>`${SITES_DIR}/${name}.json`,deletedSiteStatePath=name=>`${DELETED_SITES_DIR}/${name}.json`;function stateRefCandidates(branch){return[`refs/heads/${branch}`,`refs/remotes/origin/${branch}`]}function stateJson(value){return`${JSON.stringify(value,null,2)}
`}var CRON_RUNS_DIR=`${OPERATIONS_DIR}/cron`;export{STATE_DIR,OPERATIONS_DIR,serverStatePath,platformStatePath,siteStatePath,deletedSiteStatePath,stateRefCandidates,stateJson};
