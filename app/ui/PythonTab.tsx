import { Suspense, lazy, useState } from "react";
import { FocusablePre } from "./FocusablePre";
import { useMessages, type UiKey } from "./messages/messages";

const PythonReference = lazy(() => import("./editor/PythonReference"));

/** The lesson's Python reference: plain at once, highlighted once the editor's code has loaded; one button copies it whole. */
export function PythonTab({ code }: { code: string }) {
  const say = useMessages();
  // What the copy came to, said in the language of the moment it is shown.
  const [copied, setCopied] = useState<UiKey | null>(null);
  const copy = () =>
    navigator.clipboard.writeText(code).then(
      () => setCopied("code.copied"),
      () => setCopied("code.copyFailed"),
    );
  return (
    <div className="python-tab">
      <p className="python-tools">
        <button onClick={() => void copy()} data-testid="python-copy">
          {say("code.copyPython")}
        </button>{" "}
        <span role="status" data-testid="python-copied">
          {copied && say(copied)}
        </span>
      </p>
      <Suspense
        fallback={
          <FocusablePre label={say("code.pythonReference")} className="python-reference" data-testid="python-reference">
            <code>{code}</code>
          </FocusablePre>
        }
      >
        <PythonReference code={code} />
      </Suspense>
    </div>
  );
}
