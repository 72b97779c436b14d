/**
 * `npm start`: install what is missing, build the production site, and serve
 * it cross-origin isolated on a fixed local port.
 */
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { ensureDeps } from "./ensure-deps.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const vite = (...args) => execFileSync(process.execPath, ["node_modules/vite/bin/vite.js", ...args], { cwd: root, stdio: "inherit" });

ensureDeps();
vite("build", "--logLevel", "warn");
console.log("\nInterleave is served at http://localhost:4317/  (Ctrl+C stops it)\n");
vite("preview"); // port 4317, strict, with the isolation headers: see vite.config.ts
