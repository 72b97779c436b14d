/** The controller worker's entry: drives gated runs for the page, where Atomics.wait may not block (drive.ts). */
import { expose } from "comlink";
import { driveSchedule } from "./drive";

export const controllerApi = { drive: driveSchedule };
export type ControllerApi = typeof controllerApi;

expose(controllerApi);
