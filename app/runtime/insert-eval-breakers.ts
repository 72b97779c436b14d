/**
 * Puts CPython's eval-breaker points (eval-breaker.ts) into compiled
 * scenario code: a call at the start of every function body and of every
 * loop body. A loop body's start, every iteration, stands for the backward
 * jump CPython makes at the end of each one: the same count, shifted by one
 * iteration, which never puts a point between a read and the write after it.
 * For a gated run, every loop is also wrapped so that its entry and its
 * leaving, by any way out, are known: fair scheduling needs to know which
 * loop came round. A free run goes without: a tight loop would pay half its
 * time again for it (the try-finally and the bookkeeping).
 *
 * The code is parsed with acorn and changed by inserting text, never a line
 * break, so that every line stays the editor's line (columns after an
 * insertion on the same line move).
 */
import { parse, type Node } from "acorn";

/** The name of what the instrumented code calls; scenario-module.ts binds it to eval-breaker.ts's `breakers`. */
export const BREAKER = "__gil";
const POINT = `${BREAKER}.point();`;
const ITERATE = `${BREAKER}.iterate();`;
/** Where the position outside the loop is kept, in a block-scoped constant: a loop inside has its own. */
const ENTER_LOOP = `{const __loop = ${BREAKER}.enterLoop(); try { `;
const LEAVE_LOOP = ` } finally { ${BREAKER}.leaveLoop(__loop); }}`;

interface Insertion {
  readonly at: number;
  /** At one position, what closes a construct goes before what opens one. */
  readonly opens: boolean;
  /** How deep the construct it opens or closes is: at one position, outer ones open first and close last. */
  readonly depth: number;
  readonly text: string;
}

export function insertEvalBreakers(js: string, followLoops: boolean): string {
  const program = parse(js, { ecmaVersion: "latest", sourceType: "script", allowReturnOutsideFunction: true });
  const insertions: Insertion[] = [];
  const points = followLoops ? pointsFollowingLoops : pointsOf;
  visit(program as unknown as AnyNode, null, 0, (node, parent, depth) => insertions.push(...points(node, parent, depth)));
  insertions.sort(inTextOrder);
  let out = "";
  let from = 0;
  for (const { at, text } of insertions) {
    out += js.slice(from, at) + text;
    from = at;
  }
  return out + js.slice(from);
}

type AnyNode = Node & Record<string, unknown>;

function inTextOrder(a: Insertion, b: Insertion): number {
  if (a.at !== b.at) return a.at - b.at;
  if (a.opens !== b.opens) return Number(a.opens) - Number(b.opens);
  return a.opens ? a.depth - b.depth : b.depth - a.depth;
}

const FUNCTIONS: ReadonlySet<string> = new Set(["FunctionDeclaration", "FunctionExpression", "ArrowFunctionExpression"]);
const LOOPS: ReadonlySet<string> = new Set(["WhileStatement", "DoWhileStatement", "ForStatement", "ForInStatement", "ForOfStatement"]);

/** A construct's depth counts twice a node's: a loop's wrapping encloses the block put around its body. */
function pointsOf(node: AnyNode, _parent: AnyNode | null, nodeDepth: number): Insertion[] {
  const depth = 2 * nodeDepth;
  if (FUNCTIONS.has(node.type)) return functionEntry(node, depth);
  if (LOOPS.has(node.type)) return blockStart(node.body as AnyNode, depth + 1, POINT);
  return [];
}

function pointsFollowingLoops(node: AnyNode, parent: AnyNode | null, nodeDepth: number): Insertion[] {
  const depth = 2 * nodeDepth;
  const labelledBy = parent?.type === "LabeledStatement";
  if (LOOPS.has(node.type)) return [...(labelledBy ? [] : loopWrap(node, depth)), ...blockStart(node.body as AnyNode, depth + 1, ITERATE)];
  // `continue label` must name the loop itself: the wrapping goes around its labels.
  if (node.type === "LabeledStatement" && !labelledBy && LOOPS.has(labelled(node).type)) return loopWrap(node, depth);
  return pointsOf(node, parent, nodeDepth);
}

/** What a chain of labels labels. */
function labelled(label: AnyNode): AnyNode {
  const body = label.body as AnyNode;
  return body.type === "LabeledStatement" ? labelled(body) : body;
}

function loopWrap(statement: AnyNode, depth: number): Insertion[] {
  return [
    { at: statement.start, opens: true, depth, text: ENTER_LOOP },
    { at: statement.end, opens: false, depth, text: LEAVE_LOOP },
  ];
}

/** After the body's directives ("use strict" must stay first); an arrow's expression body becomes `(__gil.point(), body)`. */
function functionEntry(fn: AnyNode, depth: number): Insertion[] {
  const body = fn.body as AnyNode;
  if (body.type !== "BlockStatement") {
    return [
      { at: body.start, opens: true, depth, text: `(${BREAKER}.point(), ` },
      { at: body.end, opens: false, depth, text: ")" },
    ];
  }
  const statements = body.body as AnyNode[];
  const directives = statements.filter((s) => typeof s.directive === "string");
  const after = directives.length > 0 ? directives[directives.length - 1]!.end : body.start + 1;
  return [{ at: after, opens: true, depth, text: POINT }];
}

/** At the start of a loop body: inside its braces, or around a lone statement in new ones. */
function blockStart(body: AnyNode, depth: number, call: string): Insertion[] {
  if (body.type === "BlockStatement") return [{ at: body.start + 1, opens: true, depth, text: call }];
  return [
    { at: body.start, opens: true, depth, text: `{${call} ` },
    { at: body.end, opens: false, depth, text: " }" },
  ];
}

function visit(node: AnyNode, parent: AnyNode | null, depth: number, each: (node: AnyNode, parent: AnyNode | null, depth: number) => void): void {
  each(node, parent, depth);
  for (const value of Object.values(node)) {
    if (Array.isArray(value)) {
      for (const item of value) if (isNode(item)) visit(item, node, depth + 1, each);
    } else if (isNode(value)) visit(value, node, depth + 1, each);
  }
}

function isNode(value: unknown): value is AnyNode {
  return typeof value === "object" && value !== null && typeof (value as { type?: unknown }).type === "string";
}
