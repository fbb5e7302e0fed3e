// Collects problems found while loading a fleet and, only if there are any,
// works out their line and column (positions cost a second parse, done once
// per file however many problems it has).

import { FleetInvalidError, type Diagnostic } from '../errors.js';
import type { DocumentOrigin } from './kinds.js';
import { YamlSource, type Anchor, type PathSegment } from './yaml-positions.js';

export interface Place extends DocumentOrigin {
  path: readonly PathSegment[];
  /** Point at the key rather than the value (default: value). */
  anchor?: Anchor;
}

interface Pending {
  place: Place | { file: string; line: number; column: number };
  code: string;
  message: string;
  /** Another place the message refers to ("first defined at ..."). */
  related?: { place: Place; label: string };
}

export class DiagnosticCollector {
  private readonly pending: Pending[] = [];
  private readonly sources = new Map<string, YamlSource>();

  /** `textOf`: a file's text, asked for only when one of its problems needs a position. */
  constructor(private readonly textOf: (file: string) => string | undefined) {}

  get count(): number {
    return this.pending.length;
  }

  /** A problem at a value of a document. */
  at(place: Place, code: string, message: string, related?: Pending['related']): void {
    this.pending.push({ place, code, message, related });
  }

  /** A problem at a known line and column (YAML syntax errors), 1-based. */
  atPosition(file: string, line: number, column: number, code: string, message: string): void {
    this.pending.push({ place: { file, line, column }, code, message });
  }

  /** Throws a FleetInvalidError listing every problem, sorted by file and line. */
  throwIfAny(): void {
    if (this.pending.length === 0) return;
    const diagnostics: Diagnostic[] = this.pending.map((p) => {
      const { file, line, column } = this.resolve(p.place);
      let message = p.message;
      if (p.related) {
        const r = this.resolve(p.related.place);
        message += ` (${p.related.label} at ${r.file}:${r.line}:${r.column})`;
      }
      return { file, line, column, code: p.code, message };
    });
    diagnostics.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column));
    throw new FleetInvalidError(diagnostics);
  }

  private resolve(place: Pending['place']): { file: string; line: number; column: number } {
    if ('line' in place) return place;
    let source = this.sources.get(place.file);
    if (!source) {
      source = new YamlSource(this.textOf(place.file) ?? '');
      this.sources.set(place.file, source);
    }
    return { file: place.file, ...source.locate(place.doc, place.path, place.anchor) };
  }
}
