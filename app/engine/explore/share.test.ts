import { describe, expect, it } from "vitest";
import { decodeShare, encodeShare } from "./share";

describe("share links", () => {
  it("carry code (any characters), parameters and a schedule through the address", () => {
    const share = { code: 'const s = "é ✓ \\n";\n', params: { workers: 2, fix: "none" }, schedule: "v1.0badc0de.A3B2" };
    const payload = encodeShare(share);
    expect(payload).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeShare(payload)).toEqual(share);
  });

  it("refuse a damaged, cut or foreign payload with a message, never throwing", () => {
    const payload = encodeShare({ code: "x", params: {}, schedule: null });
    expect(decodeShare(payload.slice(0, -5))).toEqual({ problem: expect.stringContaining("damaged or cut short") });
    expect(decodeShare("%%%")).toEqual({ problem: expect.stringContaining("damaged") });
    expect(decodeShare(btoa(JSON.stringify({ v: 9, code: "x", params: {}, schedule: null })))).toEqual({ problem: expect.stringContaining("format 9") });
    expect(decodeShare(btoa(JSON.stringify({ v: 1, code: 3, params: {}, schedule: null })))).toEqual({ problem: expect.stringContaining("damaged") });
    expect(decodeShare(btoa(JSON.stringify({ v: 1, code: "x", params: { a: {} }, schedule: null })))).toEqual({ problem: expect.stringContaining("damaged") });
  });

  it("carry the playground's promise, even a blank one, and still open a link without one", () => {
    const share = { code: "x", params: { n: 2 }, schedule: "v1.0badc0de.A3B2", promise: "result.actual === result.expected" };
    expect(decodeShare(encodeShare(share))).toEqual(share);
    expect(decodeShare(encodeShare({ ...share, promise: "" }))).toEqual({ ...share, promise: "" });
    // A lesson's link, or a playground link made before links carried promises.
    const older = btoa(JSON.stringify({ v: 1, code: "x", params: {}, schedule: null }));
    expect(decodeShare(older)).toEqual({ code: "x", params: {}, schedule: null });
    expect(decodeShare(encodeShare({ code: "x", params: {}, schedule: null }))).not.toHaveProperty("promise");
  });

  it("refuse a link whose promise is not text, saying so", () => {
    for (const promise of [3, null, { check: "x" }]) {
      expect(decodeShare(btoa(JSON.stringify({ v: 1, code: "x", params: {}, schedule: null, promise })))).toEqual({
        problem: expect.stringMatching(/^This share link is damaged: its promise is not text\./),
      });
    }
  });
});
