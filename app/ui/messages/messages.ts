/**
 * The interface's messages: `useMessages()` in a component (it re-renders
 * when the language changes), `uiMessage()` elsewhere on the page. English
 * comes with the page; another language's catalogue is loaded when chosen.
 */
import { useTranslation } from "react-i18next";
import type { TOptions } from "i18next";
import type { MessageKey } from "../../runtime/i18n/catalogue";
import { registerCatalogue, translate } from "../../runtime/i18n/i18n";
import en from "./en";

export type UiKey = MessageKey<typeof en>;
export type Say = (key: UiKey, values?: TOptions) => string;

registerCatalogue("ui", en, { "zh-CN": () => import("./zh-CN") });

export function uiMessage(key: UiKey, values?: TOptions): string {
  return translate("ui", key, values);
}

/** The same function until the language changes, so that it may stand in a hook's dependencies. */
export function useMessages(): Say {
  return useTranslation("ui").t as Say;
}
