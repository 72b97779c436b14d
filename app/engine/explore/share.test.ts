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
});
