/** The runner worker's Node entry (worker_threads): the same Runner, over comlink's Node adapter. */
import { parentPort } from "node:worker_threads";
import { expose } from "comlink";
import nodeEndpoint from "comlink/dist/umd/node-adapter";
import { Runner } from "./runner";

if (parentPort === null) throw new Error("node-worker.ts must run in a worker thread.");
expose(new Runner(), nodeEndpoint(parentPort));
