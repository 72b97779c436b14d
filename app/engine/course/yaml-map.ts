/**
 * Parses YAML into a plain value while keeping, for every key of the top
 * level and of nested maps, the line it sits on, so schema errors can point
 * at `file:line` as a compiler would.
 */
import { LineCounter, parseDocument, isMap, isPair, isScalar, isSeq, type Node } from "yaml";
import type { Problem } from "./problem";

/** A parsed value plus the line of each key path (`goals.0.check` -> 12). */
export interface Located {
  readonly value: unknown;
  readonly lines: ReadonlyMap<string, number>;
}

export function parseYaml(text: string, file: string, firstLine = 1): { located?: Located; problems: Problem[] } {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false });
  const lineOf = (offset: number) => counter.linePos(offset).line + firstLine - 1;
  const problems: Problem[] = doc.errors.map((error) => ({
    file,
    line: lineOf(error.pos[0]),
    message: `invalid YAML: ${error.message.split("\n")[0]}`,
  }));
  if (problems.length > 0) return { problems };
  const lines = new Map<string, number>();
  collectLines(doc.contents as Node | null, "", lines, lineOf);
  return { located: { value: doc.toJS(), lines }, problems };
}

function collectLines(node: Node | null, path: string, lines: Map<string, number>, lineOf: (o: number) => number): void {
  if (node === null) return;
  if (node.range) lines.set(path, lineOf(node.range[0]));
  if (isMap(node)) {
    for (const pair of node.items) {
      if (!isPair(pair) || !isScalar(pair.key)) continue;
      const keyPath = path === "" ? String(pair.key.value) : `${path}.${String(pair.key.value)}`;
      if (pair.key.range) lines.set(keyPath, lineOf(pair.key.range[0]));
      collectLines(pair.value as Node | null, keyPath, lines, lineOf);
      if (pair.key.range) lines.set(keyPath, lineOf(pair.key.range[0]));
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, i) => collectLines(item as Node | null, `${path}.${i}`.replace(/^\./, ""), lines, lineOf));
  }
}
