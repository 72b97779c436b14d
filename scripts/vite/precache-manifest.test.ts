/** The precache list: every file of the build but the worker, `_headers` and compressed copies; an id that changes with any file. */
import { expect, it } from "vitest";
import { precacheManifest } from "./precache-manifest";

const build = (extra: Record<string, string> = {}) =>
  new Map(Object.entries({ "index.html": "<html>", "assets/index-abc.js": "x", "assets/index-abc.js.br": "b", "assets/index-abc.js.gz": "g", "assets/a.js.map": "{}", "favicon.svg": "<svg>", _headers: "/*", "sw.js": "self", ...extra }));

it("lists the build's files, not the worker, the hosts' headers, source maps or precompressed copies", () => {
  const manifest = precacheManifest(build(), "assets");
  expect(manifest.files).toEqual(["assets/index-abc.js", "favicon.svg", "index.html"]);
  expect(manifest.page).toBe("index.html");
  expect(manifest.assetsDir).toBe("assets/");
});

it("gives a new build id when any listed file changes, and the same one otherwise", () => {
  const id = precacheManifest(build(), "assets").buildId;
  expect(precacheManifest(build(), "assets").buildId).toBe(id);
  expect(precacheManifest(build({ "index.html": "<html lang>" }), "assets").buildId).not.toBe(id);
  expect(precacheManifest(build({ "assets/b-1.js": "y" }), "assets").buildId).not.toBe(id);
  expect(precacheManifest(build({ "assets/index-abc.js.br": "other" }), "assets").buildId).toBe(id);
});

it("refuses a build without its page", () => {
  const files = build();
  files.delete("index.html");
  expect(() => precacheManifest(files, "assets")).toThrow(/index\.html/);
});
