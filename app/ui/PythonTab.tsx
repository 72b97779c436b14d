import { Suspense, lazy, useState } from "react";
import { FocusablePre } from "./FocusablePre";

const PythonReference = lazy(() => import("./editor/PythonReference"));

/** The lesson's Python reference: plain at once, highlighted once the editor's code has loaded; one button copies it whole. */
export function PythonTab({ code }: { code: string }) {
  const [copied, setCopied] = useState("");
  const copy = () =>
    navigator.clipboard.writeText(code).then(
      () => setCopied("Copied."),
      () => setCopied("Could not copy: select the code and press Ctrl+C."),
    );
  return (
    <div className="python-tab">
      <p className="python-tools">
        <button onClick={() => void copy()} data-testid="python-copy">
          Copy the Python
        </button>{" "}
        <span role="status" data-testid="python-copied">
          {copied}
        </span>
      </p>
      <Suspense
        fallback={
          <FocusablePre label="Python reference" className="python-reference" data-testid="python-reference">
            <code>{code}</code>
          </FocusablePre>
        }
      >
        <PythonReference code={code} />
      </Suspense>
    </div>
  );
}
