import { describe, expect, it } from "vitest";
import { sealGlobals } from "./sealed-globals";

describe("the globals a runner seals", () => {
  it("replaces the network and close with functions that say why they are not there", () => {
    const scope: Record<string, unknown> = { fetch: () => "sent", XMLHttpRequest: class {}, WebSocket: class {}, EventSource: class {}, importScripts: () => {}, close: () => {}, setTimeout };
    sealGlobals(scope);
    expect(() => (scope.fetch as () => unknown)()).toThrow(/^fetch is not available: scenario code runs without the network/);
    expect(() => new (scope.WebSocket as new () => unknown)()).toThrow(/^WebSocket is not available/);
    expect(() => new (scope.XMLHttpRequest as new () => unknown)()).toThrow(/^XMLHttpRequest is not available/);
    expect(() => (scope.close as () => unknown)()).toThrow(/^close\(\) would end this worker in the middle of its run/);
    expect(scope.setTimeout).toBe(setTimeout);
  });
});
