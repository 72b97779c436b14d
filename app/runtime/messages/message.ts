/** The runtime's messages in this realm's language (a worker learns the page's with each run). */
import type { TOptions } from "i18next";
import type { MessageKey } from "../i18n/catalogue";
import { registerCatalogue, translate } from "../i18n/i18n";
import en from "./en";

export type RuntimeKey = MessageKey<typeof en>;

registerCatalogue("runtime", en, { "zh-CN": () => import("./zh-CN") });

export function runtimeMessage(key: RuntimeKey, values?: TOptions): string {
  return translate("runtime", key, values);
}
