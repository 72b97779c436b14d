import { Trans } from "react-i18next";
import { downloadFile } from "./download";
import type { UiKey } from "./messages/messages";

/** The browser refused to store the student's code: say so at once, and let them take it away as a file. */
export function UnsavedNotice({ slug, code }: { slug: string; code: string }) {
  return (
    <p className="notice warn" role="alert" data-testid="code-unsaved">
      <Trans
        ns="ui"
        i18nKey={"code.unsaved" satisfies UiKey}
        components={{ download: <button onClick={() => downloadFile(`${slug}.ts`, code)} data-testid="code-download" /> }}
      />
    </p>
  );
}
