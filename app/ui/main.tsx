import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { I18nextProvider } from "react-i18next";
import { i18nInstance } from "../runtime/i18n/i18n";
import { App } from "./App";
import { applyLanguage, initialLanguage } from "./language";
import { registerServiceWorker } from "./offline/register";
import "./messages/messages";
import "./styles.css";

registerServiceWorker();

// The first render is in the student's language: English is in the page, another language's catalogues load first.
void applyLanguage(initialLanguage()).finally(() =>
  createRoot(document.getElementById("root")!).render(
    <StrictMode>
      <I18nextProvider i18n={i18nInstance}>
        <App />
      </I18nextProvider>
    </StrictMode>,
  ),
);
