/**
 * What scenario code may not reach from its worker: the network (fetch,
 * XMLHttpRequest, WebSocket, EventSource, importScripts; share links carry
 * code that runs when someone presses Run), and the worker's own end
 * (`close`, which would leave its run waiting for an answer that never
 * comes). Each is replaced before any scenario is evaluated by a function
 * that throws a readable error, whose stack names the scenario's line.
 */
import { ScenarioUsageError } from "./errors";
import { runtimeMessage } from "./messages/message";

const NETWORK = ["fetch", "XMLHttpRequest", "WebSocket", "EventSource", "importScripts"] as const;

export function sealGlobals(scope: Record<string, unknown>): void {
  for (const name of NETWORK) {
    if (name in scope) scope[name] = refusal(() => runtimeMessage("sealed.network", { name }));
  }
  if ("close" in scope) scope.close = refusal(() => runtimeMessage("sealed.close"));
}

/** `message` is built when the call is refused, in the language of the run that made it. */
function refusal(message: () => string): () => never {
  return function refused() {
    throw new ScenarioUsageError(message());
  };
}
