/**
 * Share links: a lesson's code, its parameters and optionally a schedule, in
 * the page's address (`#/lessons/<slug>?share=<payload>`), so a student can
 * send a failing interleaving to a classmate or a teacher. A playground link
 * (`#/playground?share=`) carries the playground's promise too, since there
 * it is the student's own; links made before it did still open, without one.
 * A link names the page it was made on, and another page refuses it: a
 * lesson's code opened under another lesson's text would teach nonsense.
 * The payload is versioned JSON in base64url; anything else is refused with
 * a message, and the lesson opens as usual.
 */
import type { ParamValue } from "../../runtime/params";
import { engineMessage } from "../messages/message";

const VERSION = 1;
/** Longer payloads are refused: a lesson's code is a few kilobytes, and some hosts cut long addresses. */
const MAX_PAYLOAD = 100_000;

export interface Share {
  /** The slug of the page it was made on (a lesson's, or the playground's); absent from links made before links named it. */
  readonly lesson?: string;
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

/** A share link's payload read: what it shares, or why it was refused (and, for a link made on another page, that page's address with the link). */
export type DecodedShare = Share | { readonly problem: string; readonly openAt?: string };

export function decodeShare(payload: string): DecodedShare {
  const damaged = { problem: engineMessage("share.damaged") };
  const size = oversize(payload);
  if (size !== null) return { problem: engineMessage("share.tooLarge", { size }) };
  if (!/^[A-Za-z0-9_+/=-]*$/.test(payload)) return damaged;
  let value: unknown;
  try {
    const binary = atob(payload.replace(/-/g, "+").replace(/_/g, "/"));
    value = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(Uint8Array.from(binary, (c) => c.charCodeAt(0))));
  } catch {
    return damaged;
  }
  if (typeof value !== "object" || value === null) return damaged;
  const { v, lesson, code, params, schedule, promise } = value as Record<string, unknown>;
  if (v !== VERSION) return { problem: engineMessage("share.format", { version: String(v) }) };
  const plainParams =
    typeof params === "object" && params !== null && Object.values(params).every((p) => typeof p === "number" || typeof p === "string");
  if (typeof code !== "string" || !plainParams || !(schedule === null || typeof schedule === "string") || !(lesson === undefined || typeof lesson === "string")) return damaged;
  if (promise !== undefined && typeof promise !== "string") {
    return { problem: engineMessage("share.promiseNotText") };
  }
  const share = { ...(lesson === undefined ? {} : { lesson }), code, params: params as Record<string, ParamValue>, schedule };
  return promise === undefined ? share : { ...share, promise };
}

/** Where a link can be opened: a page's name for the student, and its address carrying `payload`; null for a page the course does not have. */
export type PageOf = (slug: string, payload: string) => { readonly name: string; readonly href: string } | null;

/** The link `payload` decoded as opened on page `here`: one made on another page is refused, saying whose code it carries. */
export function openedOn(decoded: DecodedShare, payload: string, here: string, pageOf: PageOf): DecodedShare {
  if ("problem" in decoded || decoded.lesson === undefined || decoded.lesson === here) return decoded;
  const page = pageOf(decoded.lesson, payload);
  if (page === null) return { problem: engineMessage("share.unknownPage", { lesson: decoded.lesson }) };
  return {
    problem: engineMessage("share.otherPage", { page: page.name }),
    openAt: page.href,
  };
}

/** A payload's size against the most a link may carry ("123 KB; at most 100 KB") when it is over; null when a link can carry it. */
export function oversize(payload: string): string | null {
  return payload.length > MAX_PAYLOAD ? engineMessage("share.oversize", { size: kilobytes(payload.length), most: kilobytes(MAX_PAYLOAD) }) : null;
}

function kilobytes(characters: number): string {
  return engineMessage("share.kilobytes", { kb: Math.ceil(characters / 1000) });
}

/** What a decoded link shares; null when there was none, or it was refused. */
export function sharedBy(decoded: DecodedShare | null): Share | null {
  return decoded !== null && !("problem" in decoded) ? decoded : null;
}
