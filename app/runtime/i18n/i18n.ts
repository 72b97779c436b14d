/**
 * The one i18next instance of this realm (the page, or a worker), shared by
 * every layer: the runtime's messages, the engine's verdicts and the UI's
 * strings are namespaces of it (`runtime`, `engine`, `ui`), each layer adding
 * its own catalogues (`registerCatalogue`). i18next's core has no DOM and no React,
 * so the runtime's workers (browser and Node) translate with the same library
 * and the same catalogue format as the page; the page binds React to this
 * instance (ui/messages/). A worker learns the page's language with each run.
 *
 * A layer registers its English catalogue, always present, and a loader for
 * each other language (`registerCatalogue`), so a language's catalogues are
 * fetched only by a realm that uses it (`loadLanguage`). Keys missing from a
 * language fall back to English, so a gap shows English, never a key;
 * `catalogue.ts` makes tsc refuse a translation that lacks an English key.
 */
import i18next, { type i18n, type TOptions } from "i18next";
import { DEFAULT_LANGUAGE, LANGUAGES, isLanguage, type Language } from "./languages";

const instance: i18n = i18next.createInstance();
void instance.init({
  lng: DEFAULT_LANGUAGE,
  fallbackLng: DEFAULT_LANGUAGE,
  supportedLngs: [...LANGUAGES],
  // Synchronous: every catalogue is already in memory when it is added.
  initAsync: false,
  resources: {},
  ns: [],
  // Messages are text, never HTML: React escapes what it renders, and workers' messages are plain strings.
  interpolation: { escapeValue: false },
  returnNull: false,
  keySeparator: ".",
  nsSeparator: ":",
  // "en" must not fall back to a script or region variant, "zh-CN" not to "zh".
  load: "currentOnly",
});

export const i18nInstance = instance;

type Translations = Partial<Record<Language, () => Promise<{ default: object }>>>;
const layers = new Map<string, Translations>();
const loaded = new Set<string>();

/** A layer's messages: English at once, each other language when a realm first uses it. */
export function registerCatalogue(namespace: string, english: object, translations: Translations): void {
  if (layers.has(namespace)) return;
  instance.addResourceBundle(DEFAULT_LANGUAGE, namespace, english, true, true);
  layers.set(namespace, translations);
  // A layer whose module loads after the language was chosen (a lazy chunk) catches up.
  if (language() !== DEFAULT_LANGUAGE) void loadLayer(namespace, language());
}

async function loadLayer(namespace: string, lang: Language): Promise<void> {
  const key = `${lang}/${namespace}`;
  const load = layers.get(namespace)?.[lang];
  if (loaded.has(key) || !load) return;
  loaded.add(key);
  instance.addResourceBundle(lang, namespace, (await load()).default, true, true);
}

/** Loads every registered layer's catalogue of every language, without changing the language: for a realm that cannot load modules later (a module runner closed after its import). */
export async function loadEveryLanguage(): Promise<void> {
  await Promise.all(LANGUAGES.flatMap((lang) => [...layers.keys()].map((namespace) => loadLayer(namespace, lang))));
}

/** Loads every registered layer's catalogue of `next`, then makes it this realm's language. */
export async function loadLanguage(next: Language): Promise<void> {
  await Promise.all([...layers.keys()].map((namespace) => loadLayer(namespace, next)));
  if (instance.language !== next) await instance.changeLanguage(next);
}

/** The language messages are given in now. */
export function language(): Language {
  const current = instance.language;
  return isLanguage(current) ? current : DEFAULT_LANGUAGE;
}

/** A message of `namespace` in the current language; `options` carry its values (and `count` for plurals). */
export function translate(namespace: string, key: string, options?: TOptions): string {
  return instance.t(key, { ...options, ns: namespace }) as string;
}
