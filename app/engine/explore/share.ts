/**
 * Share links: a lesson's code, its parameters and optionally a schedule, in
 * the page's address (`#/lessons/<slug>?share=<payload>`), so a student can
 * send a failing interleaving to a classmate or a teacher. A playground link
 * (`#/playground?share=`) carries the playground's promise too, since there
 * it is the student's own; links made before it did still open, without one.
 * The payload is versioned JSON in base64url; anything else is refused with
 * a message, and the lesson opens as usual.
 */
import type { ParamValue } from "../../runtime/params";

const VERSION = 1;
/** Longer payloads are refused: a lesson's code is a few kilobytes, and some hosts cut long addresses. */
const MAX_PAYLOAD = 100_000;

export interface Share {
  readonly code: string;
  readonly params: Readonly<Record<string, ParamValue>>;
  /** A schedule string (schedule.ts), or null. */
  readonly schedule: string | null;
  /** The playground's promise (possibly blank); absent from a lesson's link, whose lesson has its own. */
  readonly promise?: string;
}

export function encodeShare(share: Share): string {
  const json = JSON.stringify({ v: VERSION, ...share });
  const bytes = new TextEncoder().encode(json);
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** A share link's payload read: what it shares, or why it was refused. */
export type DecodedShare = Share | { readonly problem: string };

export function decodeShare(payload: string): DecodedShare {
  const damaged = { problem: "This share link is damaged or cut short: the page opened with your own code. Ask for the whole link again." };
  if (payload.length > MAX_PAYLOAD || !/^[A-Za-z0-9_+/=-]*$/.test(payload)) return damaged;
  let value: unknown;
  try {
    const binary = atob(payload.replace(/-/g, "+").replace(/_/g, "/"));
    value = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(Uint8Array.from(binary, (c) => c.charCodeAt(0))));
  } catch {
    return damaged;
  }
  if (typeof value !== "object" || value === null) return damaged;
  const { v, code, params, schedule, promise } = value as Record<string, unknown>;
  if (v !== VERSION) return { problem: `This share link is in format ${String(v)}, which this version of the site does not read: the page opened with your own code.` };
  const plainParams =
    typeof params === "object" && params !== null && Object.values(params).every((p) => typeof p === "number" || typeof p === "string");
  if (typeof code !== "string" || !plainParams || !(schedule === null || typeof schedule === "string")) return damaged;
  if (promise !== undefined && typeof promise !== "string") {
    return { problem: "This share link is damaged: its promise is not text. The page opened with your own code and promise; ask for the whole link again." };
  }
  const share = { code, params: params as Record<string, ParamValue>, schedule };
  return promise === undefined ? share : { ...share, promise };
}

/** What a decoded link shares; null when there was none, or it was refused. */
export function sharedBy(decoded: DecodedShare | null): Share | null {
  return decoded !== null && !("problem" in decoded) ? decoded : null;
}
