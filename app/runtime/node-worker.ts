/** The runner worker's Node entry (worker_threads): the same Runner, keeping console output as in the browser, over comlink's Node adapter. */
import { parentPort } from "node:worker_threads";
import { expose } from "comlink";
import nodeEndpoint from "comlink/dist/umd/node-adapter";
import { Runner } from "./runner";
import { captureConsole } from "./console-capture";
import { capBuffers } from "./buffer-cap";

if (parentPort === null) throw new Error("node-worker.ts must run in a worker thread.");
captureConsole(console as unknown as Record<string, unknown>);
capBuffers(globalThis as unknown as Record<string, unknown>);
expose(
  new Runner((message) => parentPort!.postMessage(message)),
  nodeEndpoint(parentPort),
);
