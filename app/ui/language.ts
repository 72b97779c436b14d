/**
 * Which language the page speaks: the one the student chose (remembered), or
 * else the first of the browser's languages the course has. Choosing one
 * loads its catalogues, tells the document (`<html lang>`, for screen readers
 * and fonts), and is remembered; the runs' workers learn it with each run.
 */
import { useTranslation } from "react-i18next";
import { isLanguage, preferredLanguage, type Language } from "../runtime/i18n/languages";
import { language, loadLanguage } from "../runtime/i18n/i18n";
import { saved } from "./storage";

export function initialLanguage(): Language {
  const chosen = saved.language();
  return isLanguage(chosen) ? chosen : preferredLanguage(navigator.languages ?? [navigator.language]);
}

export async function applyLanguage(next: Language): Promise<void> {
  await loadLanguage(next);
  document.documentElement.lang = next;
}

export async function chooseLanguage(next: Language): Promise<void> {
  saved.saveLanguage(next);
  await applyLanguage(next);
}

/** The page's language; the component re-renders when it changes. */
export function usePageLanguage(): Language {
  useTranslation("ui");
  return language();
}
