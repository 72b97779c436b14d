/** The engine's messages in this realm's language (the page's, or the explore controller worker's, told with each search). */
import type { TOptions } from "i18next";
import type { MessageKey } from "../../runtime/i18n/catalogue";
import { registerCatalogue, translate } from "../../runtime/i18n/i18n";
import en from "./en";

export type EngineKey = MessageKey<typeof en>;

registerCatalogue("engine", en, { "zh-CN": () => import("./zh-CN") });

export function engineMessage(key: EngineKey, values?: TOptions): string {
  return translate("engine", key, values);
}
