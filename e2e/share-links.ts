/** Share links made by hand, as explore's "Share" would make them (docs/schedules.md, "Share links"). */
import type { ParamValue } from "../app/runtime/params";

export interface SharedPayload {
  readonly code: string;
  readonly params: Readonly<Record<string, ParamValue>>;
  readonly schedule: string | null;
}

/** A lesson's address carrying `payload`, relative to the site's root. */
export function shareLink(slug: string, payload: SharedPayload): string {
  return `./#/lessons/${slug}?share=${Buffer.from(JSON.stringify({ v: 1, ...payload })).toString("base64url")}`;
}
