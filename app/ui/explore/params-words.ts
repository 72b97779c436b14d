/** A run's parameters in a sentence, for step mode and Explore: "n 3, rounds 2" (names and values are the scenario's, as written). */
import type { ParamValue } from "../../runtime/params";
import type { Say } from "../messages/messages";

export function paramsWords(say: Say, params: Readonly<Record<string, ParamValue>>): string {
  return Object.entries(params)
    .map(([name, value]) => `${name} ${String(value)}`)
    .join(say("paramList.separator"));
}
