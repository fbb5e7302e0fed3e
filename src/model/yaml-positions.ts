// Finds where a value sits in YAML source, for error messages. Only called
// when something is wrong, so the happy path never pays for positions.

import { COLLECTION_STYLE, EVENT_ID, getScalarValue, parseEvents, type Event } from 'js-yaml';

export type PathSegment = string | number;

export interface Position {
  line: number;
  column: number;
}

/** 1-based line and column of a character offset. */
export function positionAt(text: string, offset: number): Position {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(Math.max(offset, 0), text.length);
  for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: end - lineStart + 1 };
}

/**
 * Locates `path` inside document `doc` of `text`, at the deepest part of the
 * path that exists. A scalar or a flow collection is pointed at itself (the
 * value an editor would underline); a block collection, which starts on the
 * next line, at its key. `anchor: 'key'` points at the key even for scalars
 * (for "unknown property" errors).
 */
export type Anchor = 'value' | 'key';

export function locate(text: string, doc: number, path: readonly PathSegment[], anchor: Anchor = 'value'): Position {
  let events: Event[];
  try {
    events = parseEvents(text, {});
  } catch {
    return { line: 1, column: 1 };
  }
  const root = documentRoot(events, doc);
  if (root === -1) return { line: 1, column: 1 };
  let node = root;
  let keyOffset: number | undefined;
  let resolved = 0;
  for (const segment of path) {
    const child = findChild(events, node, segment, text);
    if (!child) break;
    node = child.value;
    keyOffset = child.keyOffset;
    resolved++;
  }
  const useKey = keyOffset !== undefined && ((anchor === 'key' && resolved === path.length) || isBlockCollection(events[node]));
  return positionAt(text, useKey ? keyOffset! : nodeOffset(events, node));
}

function isBlockCollection(e: Event | undefined): boolean {
  return (e?.type === EVENT_ID.MAPPING || e?.type === EVENT_ID.SEQUENCE) && e.style === COLLECTION_STYLE.BLOCK;
}

function documentRoot(events: Event[], doc: number): number {
  let seen = -1;
  let depth = 0;
  for (let i = 0; i < events.length; i++) {
    const e = events[i]!;
    if (e.type === EVENT_ID.DOCUMENT) {
      if (depth === 0 && ++seen === doc) return i + 1 < events.length ? i + 1 : -1;
      depth++;
    } else if (e.type === EVENT_ID.MAPPING || e.type === EVENT_ID.SEQUENCE) {
      depth++;
    } else if (e.type === EVENT_ID.POP) {
      depth--;
    }
  }
  return -1;
}

/** Index of the event just after the node that starts at `i`. */
function skipNode(events: Event[], i: number): number {
  const e = events[i];
  if (!e || (e.type !== EVENT_ID.MAPPING && e.type !== EVENT_ID.SEQUENCE)) return i + 1;
  let depth = 0;
  for (let j = i; j < events.length; j++) {
    const t = events[j]!.type;
    if (t === EVENT_ID.MAPPING || t === EVENT_ID.SEQUENCE) depth++;
    else if (t === EVENT_ID.POP && --depth === 0) return j + 1;
  }
  return events.length;
}

function nodeOffset(events: Event[], i: number): number {
  const e = events[i];
  if (!e) return 0;
  switch (e.type) {
    case EVENT_ID.MAPPING:
    case EVENT_ID.SEQUENCE:
      return e.start;
    case EVENT_ID.SCALAR:
      return e.valueStart;
    case EVENT_ID.ALIAS:
      return e.anchorStart;
    default:
      return 0;
  }
}

function findChild(
  events: Event[],
  node: number,
  segment: PathSegment,
  text: string,
): { value: number; keyOffset?: number } | undefined {
  const e = events[node];
  if (!e) return undefined;
  if (e.type === EVENT_ID.MAPPING) {
    for (let k = node + 1; k < events.length && events[k]!.type !== EVENT_ID.POP; ) {
      const keyEvent = events[k]!;
      const value = skipNode(events, k);
      if (keyEvent.type === EVENT_ID.SCALAR && getScalarValue(text, keyEvent) === String(segment)) {
        return { value, keyOffset: keyEvent.valueStart };
      }
      k = skipNode(events, value);
    }
  } else if (e.type === EVENT_ID.SEQUENCE && typeof segment === 'number') {
    let item = node + 1;
    for (let n = 0; n < segment && item < events.length && events[item]!.type !== EVENT_ID.POP; n++) {
      item = skipNode(events, item);
    }
    if (item < events.length && events[item]!.type !== EVENT_ID.POP) {
      return { value: item };
    }
  }
  return undefined;
}
