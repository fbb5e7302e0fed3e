// Reads a fleet file's YAML documents, refusing, with where and why, what
// would cost more than it is worth: a file over the size limit, text that is
// not UTF-8, a syntax error, a document whose aliases expand beyond bounds.
// Each check comes before the one it protects (size before decoding and
// parsing, aliases before anything walks the values).

import { loadAll, YAMLException } from 'js-yaml';
import type { FleetFile } from '../repo/files.js';
import type { DiagnosticCollector } from './diagnostics.js';
import { shortText } from './quote.js';
import { findAliasProblem, MAX_EXPANDED_VALUES } from './yaml-aliases.js';
import { YamlSource } from './yaml-positions.js';

/**
 * The file's documents, by index; a document refused for its aliases is
 * null (an empty document), so the others keep their index. A refused file
 * has none.
 */
export function parseFile(file: FleetFile, problems: DiagnosticCollector, maxFileSize: number): unknown[] {
  const size = file.size ?? Buffer.byteLength(file.text);
  if (size > maxFileSize) {
    problems.atPosition(file.path, 1, 1, 'FILE_TOO_LARGE',
      `${file.path} is ${size} bytes, over the limit of ${maxFileSize} for a fleet file (maxFileSize in tide.yaml); split it, or add it to 'ignore' if it is not a fleet file`);
    return [];
  }
  if (!isText(file, problems)) return [];
  let docs: unknown[];
  try {
    docs = loadAll(file.text, undefined, { filename: file.path });
  } catch (error) {
    if (!(error instanceof YAMLException)) throw error;
    const { line, column } = syntaxErrorPosition(file.text, error);
    problems.atPosition(file.path, line, column, 'YAML_SYNTAX', `YAML syntax error: ${shortText(error.reason, 200)}`);
    return [];
  }
  // Without a `*` there is no alias, and a short text cannot hold more values than the limit: nothing to walk.
  if (!file.text.includes('*') && file.text.length < MAX_EXPANDED_VALUES) return docs;
  return docs.map((doc, index) => {
    const problem = findAliasProblem(doc);
    if (!problem) return doc;
    problems.at({ file: file.path, doc: index, path: problem.path }, 'YAML_ALIASES', problem.reason === 'cycle'
      ? 'this YAML alias refers to a value that contains it; a fleet document must not loop back on itself'
      : `YAML aliases expand this value to more than ${MAX_EXPANDED_VALUES} values; write the values out instead of nesting aliases`);
    return null;
  });
}

/** js-yaml's mark, kept inside the text (it reads a newline it adds at the end, and can point past it). */
function syntaxErrorPosition(text: string, error: YAMLException): { line: number; column: number } {
  const line = (error.mark?.line ?? 0) + 1;
  const end = new YamlSource(text).positionAt(text.length);
  if (line > end.line) return end;
  return { line, column: (error.mark?.column ?? 0) + 1 };
}

/** Whether the file is UTF-8 text without NUL bytes; reports where it stops being so. */
function isText(file: FleetFile, problems: DiagnosticCollector): boolean {
  const nul = file.text.indexOf('\0');
  if (!file.notUtf8 && nul === -1) return true;
  const source = new YamlSource(file.text);
  const { line, column } = source.positionAt(nul === -1 ? file.text.length : nul);
  const what = nul === -1 ? 'a byte sequence that is not valid UTF-8' : 'a NUL byte';
  problems.atPosition(file.path, line, column, 'NOT_UTF8', `not UTF-8 text: ${what}; fleet files must be UTF-8 encoded YAML`);
  return false;
}
