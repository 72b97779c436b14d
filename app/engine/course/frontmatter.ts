/**
 * A markdown file with YAML frontmatter (a lesson, a translation): the
 * frontmatter parsed and checked against its shape, each problem on its line
 * of the file, and the prose after it.
 */
import { checkShape, type Shape } from "./schema";
import { parseYaml } from "./yaml-map";
import type { Problem } from "./problem";

export interface MarkdownFile {
  /** The frontmatter, when it parsed; `problems` then say where it breaks its shape. */
  readonly value?: unknown;
  readonly prose: string;
  readonly lines: ReadonlyMap<string, number>;
  readonly problems: Problem[];
}

export function readFrontmatter(file: string, text: string, shape: Shape): MarkdownFile {
  const none = new Map<string, number>();
  if (text === "") return { prose: "", lines: none, problems: [] };
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(text);
  if (!match) {
    return { prose: text, lines: none, problems: [{ file, line: 1, message: 'no frontmatter: start the file with a "---" line, the YAML keys, then another "---" line' }] };
  }
  const prose = text.slice(match[0].length);
  const parsed = parseYaml(match[1]!, file, 2);
  if (!parsed.located) return { prose, lines: none, problems: parsed.problems };
  return { value: parsed.located.value, prose, lines: parsed.located.lines, problems: checkShape(parsed.located, shape, file) };
}
