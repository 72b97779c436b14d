/** Said above a lesson read in a language whose translation is older than the English it was made from: the English is right where they differ. */
import { DEFAULT_LANGUAGE } from "../runtime/i18n/languages";
import { chooseLanguage } from "./language";
import { useMessages } from "./messages/messages";

export function StaleTranslationNotice() {
  const say = useMessages();
  return (
    <p className="notice warn" data-testid="stale-translation">
      {say("translation.stale")}{" "}
      <button type="button" onClick={() => void chooseLanguage(DEFAULT_LANGUAGE)}>
        {say("translation.showEnglish")}
      </button>
    </p>
  );
}
