/**
 * How a Node runner worker (node-runner.ts) loads the TypeScript runtime:
 * sucrase's require hook (sucrase/register/ts), the same transform with the
 * same output, kept on disk under the hash of the source. Compiling the
 * runtime again cost each new worker about 400 ms of CPU, and the unit tests
 * and lessons:check start a hundred workers and more.
 */
const { createHash } = require("node:crypto");
const { mkdirSync, readFileSync, renameSync, writeFileSync } = require("node:fs");
const Module = require("node:module");
const { tmpdir } = require("node:os");
const { join } = require("node:path");
const { threadId } = require("node:worker_threads");

const { version } = require("sucrase/package.json");
const cacheDir = join(tmpdir(), "interleave-runtime-js");

function compile(source, filePath) {
  const { transform } = require("sucrase");
  const { code, sourceMap } = transform(source, { transforms: ["imports", "typescript"], sourceMapOptions: { compiledFilename: filePath }, filePath });
  return `${code}\n//# sourceMappingURL=data:application/json;charset=utf-8;base64,${Buffer.from(JSON.stringify(sourceMap)).toString("base64")}`;
}

function compiled(source, filePath) {
  const file = join(cacheDir, `${createHash("sha256").update(`${version}\0${filePath}\0${source}`).digest("hex")}.js`);
  try {
    return readFileSync(file, "utf8");
  } catch {
    // Not compiled yet.
  }
  const output = compile(source, filePath);
  try {
    // Workers starting together may compile the same file: each writes a copy of its own, and the rename is atomic.
    mkdirSync(cacheDir, { recursive: true });
    const partial = `${file}.${process.pid}.${threadId}`;
    writeFileSync(partial, output);
    renameSync(partial, file);
  } catch {
    // Without a cache the next worker compiles it again, as sucrase/register/ts would.
  }
  return output;
}

Module._extensions[".ts"] = (module, filePath) => {
  module._compile(compiled(readFileSync(filePath, "utf8"), filePath), filePath);
};
