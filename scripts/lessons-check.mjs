// Loads the TypeScript checker through Vite's module runner (Node cannot load .ts itself) and runs it.
import { runnerImport } from "vite";

// Piped into `head`, the reader may leave early: that is not a failure of the checks.
process.stdout.on("error", (error) => {
  if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw error;
});

const { module } = await runnerImport(new URL("./lessons/cli.ts", import.meta.url).pathname, { configFile: false, logLevel: "error" });
process.exitCode = await module.main(process.argv.slice(2));
