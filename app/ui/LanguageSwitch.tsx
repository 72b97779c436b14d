/** The language switch in the top bar, on every page: each language named in itself. */
import { LANGUAGES, LANGUAGE_NAMES, isLanguage } from "../runtime/i18n/languages";
import { chooseLanguage, usePageLanguage } from "./language";
import { useMessages } from "./messages/messages";

export function LanguageSwitch() {
  const say = useMessages();
  const current = usePageLanguage();
  return (
    <select
      className="language-switch"
      aria-label={say("app.language")}
      value={current}
      data-testid="language-switch"
      onChange={(event) => {
        if (isLanguage(event.target.value)) void chooseLanguage(event.target.value);
      }}
    >
      {LANGUAGES.map((language) => (
        <option key={language} value={language} lang={language}>
          {LANGUAGE_NAMES[language]}
        </option>
      ))}
    </select>
  );
}
