/** Declarations of the scenario API, emitted at build time by scripts/vite/scenario-types.ts. */
declare module "virtual:scenario-types" {
  const files: Readonly<Record<string, string>>;
  export default files;
}

declare module "monaco-editor/editor/editor.main" {
  export * from "monaco-editor";
}
