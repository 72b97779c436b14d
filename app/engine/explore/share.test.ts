import { afterEach, describe, expect, it } from "vitest";
import { loadLanguage } from "../../runtime/i18n/i18n";
import { decodeShare, encodeShare, openedOn, type PageOf } from "./share";

describe("share links", () => {
  afterEach(() => loadLanguage("en"));

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

  it("say why they were refused in Chinese", async () => {
    await loadLanguage("zh-CN");
    expect(decodeShare("%%%")).toEqual({ problem: "这个分享链接已损坏或被截断：页面打开的是你自己的代码。请让对方重新发送完整链接。" });
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

  it("refuse a well-formed link that is too large as too large, not as damaged", () => {
    const payload = encodeShare({ code: "x".repeat(90_000), params: {}, schedule: null });
    expect(decodeShare(payload)).toEqual({ problem: expect.stringMatching(/^This share link is too large to open \(121 KB; at most 100 KB\)/) });
  });

  describe("opened on a page", () => {
    const pageOf: PageOf = (slug, payload) => (slug === "03-race" ? { name: 'the lesson "Race conditions"', href: `#/lessons/03-race?share=${payload}` } : null);
    const share = { lesson: "03-race", code: "x", params: { n: 2 }, schedule: null };
    const payload = encodeShare(share);

    it("open on the page they were made on", () => {
      expect(openedOn(decodeShare(payload), payload, "03-race", pageOf)).toEqual(share);
    });

    it("are refused on another page, which names theirs and links to it", () => {
      expect(openedOn(decodeShare(payload), payload, "05-semaphore", pageOf)).toEqual({
        problem: 'This share link was made on the lesson "Race conditions", not on this page: its code and schedule belong there, so this page opened with your own code.',
        openAt: `#/lessons/03-race?share=${payload}`,
      });
      const gone = encodeShare({ ...share, lesson: "99-gone" });
      expect(openedOn(decodeShare(gone), gone, "05-semaphore", pageOf)).toEqual({ problem: expect.stringContaining('a page this course does not have ("99-gone")') });
    });

    it("still open when made before links named their page", () => {
      const older = encodeShare({ code: "x", params: {}, schedule: null });
      expect(openedOn(decodeShare(older), older, "05-semaphore", pageOf)).toEqual({ code: "x", params: {}, schedule: null });
    });
  });
});
