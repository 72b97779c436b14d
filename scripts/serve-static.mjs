/**
 * A bare static file server for the built site. By default it sends no
 * special headers, like GitHub Pages: the e2e suite uses it to check the
 * service worker's isolation and offline copy (app/service-worker/).
 * With --as-host it serves the site as Netlify or Cloudflare Pages would:
 * the headers the build's `_headers` file asks for, and each file's
 * precompressed copy (`.br`, else `.gz`) to a browser that accepts it, as
 * `npm run bench` times a cold load.
 * Usage: node scripts/serve-static.mjs <dir> <port> [--as-host]; port 0
 * takes a free one, printed in the line it writes when it listens.
 */
import { createReadStream, existsSync, readFileSync, statSync } from "node:fs";
import { createServer } from "node:http";
import { extname, join, normalize, resolve } from "node:path";

const [dir = "dist", port = "4393", mode] = process.argv.slice(2);
const asHost = mode === "--as-host";
const root = resolve(dir);
const types = { ".html": "text/html", ".js": "text/javascript", ".css": "text/css", ".svg": "image/svg+xml", ".json": "application/json", ".ttf": "font/ttf", ".png": "image/png" };
const rules = asHost ? readHeaderRules(join(root, "_headers")) : [];

/** `_headers` as Netlify reads it: a path (`*` matches anything), then its headers indented, `Name: value`. */
function readHeaderRules(file) {
  if (!existsSync(file)) return [];
  const rules = [];
  for (const line of readFileSync(file, "utf8").split("\n")) {
    if (line.trim() === "" || line.trimStart().startsWith("#")) continue;
    if (!/^\s/.test(line)) {
      const pattern = new RegExp(`^${line.trim().replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*")}$`);
      rules.push({ pattern, headers: {} });
    } else if (rules.length > 0) {
      const colon = line.indexOf(":");
      rules.at(-1).headers[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
    }
  }
  return rules;
}

/** The precompressed copy of `file` this request accepts, if the build wrote one. */
function precompressed(file, accepted) {
  for (const [encoding, suffix] of [["br", ".br"], ["gzip", ".gz"]]) {
    if (accepted.includes(encoding) && existsSync(file + suffix)) return { encoding, path: file + suffix };
  }
  return undefined;
}

const server = createServer((request, response) => {
  let path;
  try {
    path = normalize(decodeURIComponent(new URL(request.url ?? "/", "http://x").pathname));
  } catch {
    // A malformed escape (`/%`) would otherwise throw and end the server.
    return void response.writeHead(400).end("bad request");
  }
  let file = join(root, path);
  if (!file.startsWith(root)) return void response.writeHead(403).end();
  if (existsSync(file) && statSync(file).isDirectory()) file = join(file, "index.html");
  if (!existsSync(file)) return void response.writeHead(404).end("not found");
  const headers = { "Content-Type": types[extname(file)] ?? "application/octet-stream" };
  for (const rule of rules) if (rule.pattern.test(path)) Object.assign(headers, rule.headers);
  const copy = asHost ? precompressed(file, String(request.headers["accept-encoding"] ?? "")) : undefined;
  if (copy) Object.assign(headers, { "Content-Encoding": copy.encoding, Vary: "Accept-Encoding" });
  response.writeHead(200, headers);
  createReadStream(copy?.path ?? file).pipe(response);
});
server.listen(Number(port), "127.0.0.1", () => console.log(`serving ${root}${asHost ? " as a host would" : " without isolation headers"} at http://localhost:${server.address().port}/`));
