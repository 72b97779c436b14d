/**
 * The built course served as GitHub Pages would (scripts/serve-static.mjs:
 * no special headers), on a free port: a fixed one may be another suite's
 * on this machine, whose site the spec would then browse.
 */
import { expect } from "@playwright/test";
import { spawn, type ChildProcess } from "node:child_process";
import { BASE } from "./course-copy";

export interface StaticServer {
  readonly process: ChildProcess;
  /** The course's address on it. */
  readonly site: string;
}

export const reachable = (site: string) => fetch(site).then((r) => r.ok, () => false);

/** Serves `root` (a folder holding `BASE`), from the project copy `dir`; resolves once the course answers. */
export async function serveStatic(dir: string, root: string): Promise<StaticServer> {
  const child = spawn(process.execPath, ["scripts/serve-static.mjs", root, "0"], { cwd: dir, stdio: ["ignore", "pipe", "ignore"] });
  const port = await new Promise<string>((resolve, reject) => {
    let said = "";
    child.stdout.on("data", (chunk: Buffer) => {
      said += chunk.toString();
      const port = /localhost:(\d+)\//.exec(said)?.[1];
      if (port) resolve(port);
    });
    child.on("exit", () => reject(new Error(`the server ended: ${said}`)));
  });
  const site = `http://localhost:${port}${BASE}`;
  await expect.poll(() => reachable(site), { timeout: 30_000 }).toBe(true);
  return { process: child, site };
}
