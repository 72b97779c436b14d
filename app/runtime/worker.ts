/** The runner worker's browser entry: seals what scenario code may not reach, and exposes one Runner over comlink. */
import { expose } from "comlink";
import { Runner } from "./runner";
import { sealGlobals } from "./sealed-globals";

sealGlobals(self as unknown as Record<string, unknown>);
expose(new Runner());
