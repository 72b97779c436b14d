/** The controller worker's entry: the controller's calls (controller-calls.ts), for the page, where Atomics.wait may not block. */
import { expose } from "comlink";
import { controllerCalls } from "./controller-calls";

expose(controllerCalls());
