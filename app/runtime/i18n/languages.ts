/** The languages the course is written in, and how a browser's preference picks one. */
export const LANGUAGES = ["en", "zh-CN"] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = "en";

/** Each language's name, written in that language, for the switcher. */
export const LANGUAGE_NAMES: Readonly<Record<Language, string>> = { en: "English", "zh-CN": "中文（简体）" };

export function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && (LANGUAGES as readonly string[]).includes(value);
}

/** The first of the browser's languages the course has: any Chinese reads zh-CN (the course has no Traditional text yet), anything else English. */
export function preferredLanguage(browserLanguages: readonly string[]): Language {
  for (const tag of browserLanguages) {
    const lower = tag.toLowerCase();
    if (lower === "en" || lower.startsWith("en-")) return "en";
    if (lower === "zh" || lower.startsWith("zh-")) return "zh-CN";
  }
  return DEFAULT_LANGUAGE;
}
