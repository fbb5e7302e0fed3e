// Finds where a value sits in YAML source, for error messages. Only used
// when something is wrong, so the happy path never pays for positions; a file
// with many errors pays once (one extra parse and one line index per file,
// however many errors point into it).
//
// js-yaml reports each node it opens and closes to a listener; pairing those
// events gives every node's [start, end) in the text, and nesting the ranges
// rebuilds the document's tree, which is then walked along the error's path.

import { loadAll } from 'js-yaml';

export type PathSegment = string | number;
export type Anchor = 'value' | 'key';

export interface Position {
  line: number;
  column: number;
}

interface SourceNode {
  start: number;
  end: number;
  kind: string;
  result: unknown;
  children: SourceNode[];
}

/** One file's text, with its line index and node tree built on first use. */
export class YamlSource {
  private lineStarts: number[] | undefined;
  private documentRoots: (SourceNode | undefined)[] | undefined;

  constructor(readonly text: string) {}

  /** 1-based line and column of a character offset. */
  positionAt(offset: number): Position {
    this.lineStarts ??= lineStartsOf(this.text);
    const at = Math.min(Math.max(offset, 0), this.text.length);
    // The last line start at or before `at` (binary search).
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid]! <= at) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: at - this.lineStarts[low]! + 1 };
  }

  /**
   * Locates `path` inside document `doc`, at the deepest part of the path
   * that exists. A scalar or a flow collection is pointed at itself (the
   * value an editor would underline); a block collection, which starts on the
   * next line, at its key. `anchor: 'key'` points at the key even for scalars
   * (for "unknown property" errors).
   */
  locate(doc: number, path: readonly PathSegment[], anchor: Anchor = 'value'): Position {
    this.documentRoots ??= documentRootsOf(this.text);
    const root = this.documentRoots[doc];
    if (!root) return { line: 1, column: 1 };
    let node = root;
    let keyStart: number | undefined;
    let resolved = 0;
    for (const segment of path) {
      const child = findChild(node, segment);
      if (!child) break;
      node = child.value;
      keyStart = child.keyStart;
      resolved++;
    }
    const valueStart = skipSpace(this.text, node.start);
    const isBlockCollection = (node.kind === 'mapping' || node.kind === 'sequence') && !'{['.includes(this.text[valueStart] ?? '');
    const useKey = keyStart !== undefined && ((anchor === 'key' && resolved === path.length) || isBlockCollection);
    return this.positionAt(useKey ? keyStart! : valueStart);
  }
}

function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** The root node of each document, by document index (undefined for a scalar or empty document). */
function documentRootsOf(text: string): (SourceNode | undefined)[] {
  // Open and close events nest as the nodes do: each closed node joins the
  // children of the one still open around it. A node that only wraps another
  // of the same range (js-yaml opens one per layer of a value) is that node.
  const top: SourceNode = { start: 0, end: text.length, kind: '', result: undefined, children: [] };
  const open: SourceNode[] = [top];
  let docs: unknown[];
  try {
    docs = loadAll(text, undefined, {
      listener(event, state) {
        if (event === 'open') {
          open.push({ start: state.position, end: state.position, kind: '', result: undefined, children: [] });
          return;
        }
        const node = open.pop()!;
        node.end = state.position;
        node.kind = state.kind;
        node.result = state.result;
        const only = node.children.length === 1 ? node.children[0]! : undefined;
        open.at(-1)!.children.push(only && only.start === node.start && only.end === node.end ? only : node);
      },
    });
  } catch {
    return [];
  }
  const byResult = new Map<unknown, SourceNode>();
  for (const root of top.children) if (!byResult.has(root.result)) byResult.set(root.result, root);
  return docs.map((doc) => (typeof doc === 'object' && doc !== null ? byResult.get(doc) : undefined));
}

function findChild(node: SourceNode, segment: PathSegment): { value: SourceNode; keyStart?: number } | undefined {
  if (node.kind === 'mapping') {
    // Children alternate key, value; an empty value can leave a stray node at the end.
    for (let i = 0; i + 1 < node.children.length; i += 2) {
      const key = node.children[i]!;
      if (String(key.result) === String(segment)) return { value: node.children[i + 1]!, keyStart: key.start };
    }
  } else if (node.kind === 'sequence' && typeof segment === 'number') {
    const item = node.children[segment];
    if (item) return { value: item };
  }
  return undefined;
}

function skipSpace(text: string, offset: number): number {
  let i = offset;
  while (i < text.length && ' \t\r\n'.includes(text[i]!)) i++;
  return i;
}
