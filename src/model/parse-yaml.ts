// Parses a fleet file's YAML documents, turning syntax errors into positions.

import { loadAll, YAMLException } from 'js-yaml';
import type { FleetFile } from '../repo/files.js';

export interface YamlSyntaxError {
  file: string;
  line: number;
  column: number;
  reason: string;
}

export function parseFile(file: FleetFile, onError: (e: YamlSyntaxError) => void): unknown[] {
  try {
    return loadAll(file.text, undefined, { filename: file.path });
  } catch (error) {
    if (!(error instanceof YAMLException)) throw error;
    onError({ file: file.path, line: (error.mark?.line ?? 0) + 1, column: (error.mark?.column ?? 0) + 1, reason: error.reason });
    return [];
  }
}
