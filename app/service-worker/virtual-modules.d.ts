/** The worker's precache list, given to it at build time by scripts/vite/service-worker.ts. */
declare module "virtual:precache-manifest" {
  const manifest: import("../../scripts/vite/precache-manifest").PrecacheManifest;
  export default manifest;
}
