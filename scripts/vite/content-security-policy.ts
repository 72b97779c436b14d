/**
 * The Content-Security-Policy of the site: scenario code comes from share
 * links, so besides the runner removing fetch and its kin from the workers'
 * scope, the browser itself refuses every connection to another origin
 * (`connect-src 'self'`) from the page and its workers. Scenarios are
 * evaluated in the workers (`'unsafe-eval'`); Monaco and recharts set inline
 * styles. Sent as a header by the dev and preview servers and by hosts that
 * read `_headers` (emitted into the build from here, with the isolation
 * headers), and as a meta tag for hosts that send no headers at all.
 */
import type { Connect, Plugin } from "vite";
import { ISOLATION_HEADERS } from "./cross-origin-isolation.ts";

const DIRECTIVES = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
];

export const CONTENT_SECURITY_POLICY = DIRECTIVES.join("; ");

/** The dev server's page runs React Refresh's inline preamble; everything else is as built. */
const DEV_POLICY = CONTENT_SECURITY_POLICY.replace("script-src 'self' 'unsafe-eval'", "script-src 'self' 'unsafe-eval' 'unsafe-inline'");

export function contentSecurityPolicy(): Plugin {
  return {
    name: "interleave:content-security-policy",
    configureServer: (server) => void server.middlewares.use(sending(DEV_POLICY)),
    configurePreviewServer: (server) => void server.middlewares.use(sending(CONTENT_SECURITY_POLICY)),
    transformIndexHtml: {
      order: "post",
      handler: (_html, context) =>
        context.server ? [] : [{ tag: "meta", attrs: { "http-equiv": "Content-Security-Policy", content: CONTENT_SECURITY_POLICY }, injectTo: "head-prepend" }],
    },
    generateBundle() {
      const headers = { ...ISOLATION_HEADERS, "Content-Security-Policy": CONTENT_SECURITY_POLICY };
      const lines = Object.entries(headers).map(([name, value]) => `  ${name}: ${value}`);
      this.emitFile({ type: "asset", fileName: "_headers", source: `# Emitted by scripts/vite/content-security-policy.ts: every response is isolated, and nothing connects to another origin.\n/*\n${lines.join("\n")}\n` });
    },
  };
}

/** A middleware that sends `policy` with every response. */
function sending(policy: string): Connect.NextHandleFunction {
  return (_request, response, next) => {
    response.setHeader("Content-Security-Policy", policy);
    next();
  };
}
