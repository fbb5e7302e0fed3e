import { createRequire as __tideCreateRequire } from 'node:module';
import { fileURLToPath as __tideFileURLToPath } from 'node:url';
import { dirname as __tideDirname } from 'node:path';
const require = __tideCreateRequire(import.meta.url);
const __filename = __tideFileURLToPath(import.meta.url);
const __dirname = __tideDirname(__filename);
import{$,ExecaError,ExecaSyncError,execa,execaCommand,execaCommandSync,execaNode,execaSync,getCancelSignal,getEachMessage,getOneMessage,parseCommandString,sendMessage}from"./chunk-GFC47RHK.mjs";import"./chunk-G5BJ6GPD.mjs";export{$,ExecaError,ExecaSyncError,execa,execaCommand,execaCommandSync,execaNode,execaSync,getCancelSignal,getEachMessage,getOneMessage,parseCommandString,sendMessage};
