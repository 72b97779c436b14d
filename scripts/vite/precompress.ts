/**
 * Brotli and gzip copies of the build's compressible files, written beside
 * them (`x.js.br`, `x.js.gz`), for hosts that serve a precompressed file to
 * a browser that accepts it (nginx's gzip_static and brotli_static, Caddy's
 * precompressed, most CDNs): Monaco and its TypeScript worker are megabytes,
 * and the best compression takes seconds, which only the build can afford.
 * The icon font (`.ttf`) is among them: many servers compress no font on the
 * fly. A copy no smaller than its file is not written.
 */
import { readdir, readFile, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";
import type { Plugin } from "vite";

const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|ttf|txt|map)$/;

/** Brotli's best takes a second or more per megabyte: above this, quality 9 is 10% larger in a tenth of the time (TypeScript's worker: 7 MB). */
const BEST_BROTLI_UP_TO = 4 * 1024 * 1024;

const encodings = {
  br: (data: Buffer) => {
    const quality = data.length > BEST_BROTLI_UP_TO ? 9 : constants.BROTLI_MAX_QUALITY;
    return promisify(brotliCompress)(data, { params: { [constants.BROTLI_PARAM_QUALITY]: quality, [constants.BROTLI_PARAM_SIZE_HINT]: data.length } });
  },
  gz: (data: Buffer) => promisify(gzip)(data, { level: constants.Z_BEST_COMPRESSION }),
};

/** Writes the copies for every compressible file under `dir`; returns the files compressed. */
export async function precompressDirectory(dir: string): Promise<string[]> {
  const files = (await readdir(dir, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile() && COMPRESSIBLE.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));
  await Promise.all(
    files.map(async (file) => {
      const data = await readFile(file);
      for (const [suffix, compress] of Object.entries(encodings)) {
        const compressed = await compress(data);
        if (compressed.length < data.length) await writeFile(`${file}.${suffix}`, compressed);
      }
    }),
  );
  return files;
}

export function precompress(): Plugin {
  let outDir = "";
  return {
    name: "interleave:precompress",
    apply: "build",
    configResolved: (config) => void (outDir = resolve(config.root, config.build.outDir)),
    // After the bundle and public/ are both in outDir.
    closeBundle: { order: "post", sequential: true, handler: async () => void (await precompressDirectory(outDir)) },
  };
}
