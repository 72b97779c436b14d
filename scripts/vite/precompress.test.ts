/** The build's precompressed copies decompress to their files, and a file that compression would not shrink gets none. */
import { mkdtempSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { expect, it } from "vitest";
import { precompressDirectory } from "./precompress";

it("writes brotli and gzip copies of compressible files, in subfolders too, and none of what would not shrink", async () => {
  const dir = mkdtempSync(join(tmpdir(), "precompress-"));
  mkdirSync(join(dir, "assets"));
  const script = "export const x = 1;\n".repeat(500);
  writeFileSync(join(dir, "assets", "a.js"), script);
  writeFileSync(join(dir, "assets", "icons.ttf"), Buffer.alloc(4096, 7));
  writeFileSync(join(dir, "tiny.css"), "a{}");
  writeFileSync(join(dir, "photo.png"), "not compressed by us");
  await precompressDirectory(dir);
  expect(brotliDecompressSync(readFileSync(join(dir, "assets", "a.js.br"))).toString()).toBe(script);
  expect(gunzipSync(readFileSync(join(dir, "assets", "a.js.gz"))).toString()).toBe(script);
  expect(readdirSync(join(dir, "assets")).sort()).toEqual(["a.js", "a.js.br", "a.js.gz", "icons.ttf", "icons.ttf.br", "icons.ttf.gz"]);
  expect(readdirSync(dir).sort()).toEqual(["assets", "photo.png", "tiny.css"]);
});
