/** The runner worker's browser entry: exposes one Runner over comlink. */
import { expose } from "comlink";
import { Runner } from "./runner";

expose(new Runner());
