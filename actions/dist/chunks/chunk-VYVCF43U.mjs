import { createRequire as __tideCreateRequire } from 'node:module';
import { fileURLToPath as __tideFileURLToPath } from 'node:url';
import { dirname as __tideDirname } from 'node:path';
const require = __tideCreateRequire(import.meta.url);
const __filename = __tideFileURLToPath(import.meta.url);
const __dirname = __tideDirname(__filename);
var TideError=class extends Error{code;hint;retryable;constructor(code,message,options={}){super(message,options.cause===void 0?void 0:{cause:options.cause}),this.name=new.target.name,this.code=code,this.hint=options.hint,this.retryable=options.retryable??!1}};function formatDiagnostic(d){return`${d.file}:${d.line}:${d.column}: ${d.message}`}var FleetInvalidError=class extends TideError{diagnostics;constructor(diagnostics){let files=new Set(diagnostics.map(d=>d.file)).size,n=diagnostics.length;super("FLEET_INVALID",`${n} ${n===1?"error":"errors"} in ${files} ${files===1?"file":"files"}; nothing was planned.`,{hint:"Fix the errors above and run `tide validate` again."}),this.diagnostics=diagnostics}};export{TideError,formatDiagnostic,FleetInvalidError};
