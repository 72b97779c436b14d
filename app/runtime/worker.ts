/** The runner worker's browser entry: seals what scenario code may not reach, caps its buffers, keeps its console output, and exposes one Runner over comlink. */
import { expose } from "comlink";
import { Runner } from "./runner";
import { sealGlobals } from "./sealed-globals";
import { captureConsole } from "./console-capture";
import { capBuffers } from "./buffer-cap";

sealGlobals(self as unknown as Record<string, unknown>);
capBuffers(self as unknown as Record<string, unknown>);
captureConsole(console as unknown as Record<string, unknown>);
expose(new Runner((message) => postMessage(message)));
