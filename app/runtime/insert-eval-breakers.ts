/**
 * Puts CPython's eval-breaker points (eval-breaker.ts) into compiled
 * scenario code: a call at the start of every function body and of every
 * loop body. A loop body's start, every iteration, stands for the backward
 * jump CPython makes at the end of each one: the same count, shifted by one
 * iteration, which never puts a point between a read and the write after it.
 *
 * The code is parsed with acorn and changed by inserting text, never a line
 * break, so that every line stays the editor's line (columns after an
 * insertion on the same line move).
 */
import { parse, type Node } from "acorn";

/** The name the instrumented code calls; scenario-module.ts binds it to `evalBreaker`. */
export const BREAKER = "__gil";
const CALL = `${BREAKER}();`;

interface Insertion {
  readonly at: number;
  /** At one position, what closes a construct goes before what opens one. */
  readonly opens: boolean;
  readonly text: string;
}

export function insertEvalBreakers(js: string): string {
  const program = parse(js, { ecmaVersion: "latest", sourceType: "script", allowReturnOutsideFunction: true });
  const insertions: Insertion[] = [];
  visit(program as unknown as AnyNode, (node) => insertions.push(...pointsOf(node)));
  insertions.sort((a, b) => a.at - b.at || Number(a.opens) - Number(b.opens));
  let out = "";
  let from = 0;
  for (const { at, text } of insertions) {
    out += js.slice(from, at) + text;
    from = at;
  }
  return out + js.slice(from);
}

type AnyNode = Node & Record<string, unknown>;

function pointsOf(node: AnyNode): Insertion[] {
  switch (node.type) {
    case "FunctionDeclaration":
    case "FunctionExpression":
    case "ArrowFunctionExpression":
      return functionEntry(node);
    case "WhileStatement":
    case "DoWhileStatement":
    case "ForStatement":
    case "ForInStatement":
    case "ForOfStatement":
      return blockStart(node.body as AnyNode);
    default:
      return [];
  }
}

/** After the body's directives ("use strict" must stay first); an arrow's expression body becomes `(__gil(), body)`. */
function functionEntry(fn: AnyNode): Insertion[] {
  const body = fn.body as AnyNode;
  if (body.type !== "BlockStatement") {
    return [
      { at: body.start, opens: true, text: `(${BREAKER}(), ` },
      { at: body.end, opens: false, text: ")" },
    ];
  }
  const statements = body.body as AnyNode[];
  const directives = statements.filter((s) => typeof s.directive === "string");
  const after = directives.length > 0 ? directives[directives.length - 1]!.end : body.start + 1;
  return [{ at: after, opens: true, text: CALL }];
}

/** At the start of a loop body: inside its braces, or around a lone statement in new ones. */
function blockStart(body: AnyNode): Insertion[] {
  if (body.type === "BlockStatement") return [{ at: body.start + 1, opens: true, text: CALL }];
  return [
    { at: body.start, opens: true, text: `{${CALL} ` },
    { at: body.end, opens: false, text: " }" },
  ];
}

function visit(node: AnyNode, each: (node: AnyNode) => void): void {
  each(node);
  for (const value of Object.values(node)) {
    if (Array.isArray(value)) {
      for (const item of value) if (isNode(item)) visit(item, each);
    } else if (isNode(value)) visit(value, each);
  }
}

function isNode(value: unknown): value is AnyNode {
  return typeof value === "object" && value !== null && typeof (value as { type?: unknown }).type === "string";
}
