/**
 * A bare static file server for the built site that sends no special headers,
 * like GitHub Pages: the e2e suite uses it to check the service worker's
 * isolation and offline copy (app/service-worker/).
 * Usage: node scripts/serve-static.mjs <dir> <port>; port 0 takes a free
 * one, printed in the line it writes when it listens.
 */
import { createReadStream, existsSync, statSync } from "node:fs";
import { createServer } from "node:http";
import { extname, join, normalize, resolve } from "node:path";

const [dir = "dist", port = "4393"] = process.argv.slice(2);
const root = resolve(dir);
const types = { ".html": "text/html", ".js": "text/javascript", ".css": "text/css", ".svg": "image/svg+xml", ".json": "application/json", ".ttf": "font/ttf", ".png": "image/png" };

const server = createServer((request, response) => {
  const path = normalize(decodeURIComponent(new URL(request.url ?? "/", "http://x").pathname));
  let file = join(root, path);
  if (!file.startsWith(root)) return void response.writeHead(403).end();
  if (existsSync(file) && statSync(file).isDirectory()) file = join(file, "index.html");
  if (!existsSync(file)) return void response.writeHead(404).end("not found");
  response.writeHead(200, { "Content-Type": types[extname(file)] ?? "application/octet-stream" });
  createReadStream(file).pipe(response);
});
server.listen(Number(port), "127.0.0.1", () => console.log(`serving ${root} without isolation headers at http://localhost:${server.address().port}/`));
