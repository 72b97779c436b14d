/**
 * A result as JSON for a sentence, at most about `limit` characters. A long
 * one is cut after a whole field, never inside a number or a string, and
 * the cut is marked apart from the JSON: `"ms":10....` would read as ten.
 */
import { engineMessage } from "./messages/message";
export function brief(result: unknown, limit = 200): string {
  const text = JSON.stringify(result) ?? "undefined";
  if (text.length <= limit) return text;
  const lastField = text.lastIndexOf(",", limit);
  return engineMessage("run.cut", { json: text.slice(0, lastField > 0 ? lastField : limit) });
}
