// Loads the TypeScript checker through Vite's module runner (Node cannot load .ts itself) and runs it.
import { runnerImport } from "vite";

const { module } = await runnerImport(new URL("./lessons/cli.ts", import.meta.url).pathname, { configFile: false, logLevel: "error" });
process.exitCode = await module.main(process.argv.slice(2));
