import type { SessionSnapshot } from "../engine/session";
import type { Lesson } from "../engine/course/lesson";
import { paramLabel } from "../engine/course/in-language";
import type { ParamSpec, ParamValue } from "../runtime/params";
import { usePageLanguage } from "./language";
import { useMessages } from "./messages/messages";

interface ParamControlsProps {
  readonly snapshot: SessionSnapshot;
  /** Its translations label the parameters in the page's language. */
  readonly lesson: Lesson;
  readonly locked?: boolean;
  onChange(name: string, value: ParamValue): void;
}

/** One control per parameter the scenario declares: a number field or a set of choices; `locked` while step mode runs its own. */
export function ParamControls({ snapshot, lesson, locked = false, onChange }: ParamControlsProps) {
  const say = useMessages();
  const language = usePageLanguage();
  const { declared, params, paramProblems } = snapshot;
  if (declared.status === "pending") return <div className="params" data-testid="params" aria-busy="true" />;
  if (declared.status === "error") {
    return (
      <p className="notice error" data-testid="scenario-problem">
        {declared.error.line === undefined
          ? say("params.unreadable", { message: declared.error.message })
          : say("params.unreadableAt", { line: declared.error.line, message: declared.error.message })}
      </p>
    );
  }
  return (
    <form className="params" data-testid="params" onSubmit={(e) => e.preventDefault()}>
      <fieldset disabled={locked} title={locked ? say("params.locked") : undefined}>
        {Object.entries(declared.params).map(([name, spec]) => {
          const label = paramLabel(lesson, language, name, spec.label ?? name);
          return (
            <label key={name} className={paramProblems[name] ? "param invalid" : "param"}>
              <span title={spec.help}>
                {label}
                {/* Goals, exercises and Explore's words name parameters as the code does: show that name too. */}
                {label !== name && <code className="param-name"> {name}</code>}
              </span>
              <ParamInput name={name} spec={spec} value={params[name]} onChange={(value) => onChange(name, value)} />
              {paramProblems[name] && (
                <small className="param-problem" data-testid={`param-problem-${name}`}>
                  {paramProblems[name]}
                </small>
              )}
            </label>
          );
        })}
      </fieldset>
    </form>
  );
}

function ParamInput({ name, spec, value, onChange }: { name: string; spec: ParamSpec; value: ParamValue | undefined; onChange(v: ParamValue): void }) {
  if (spec.kind === "choice") {
    return (
      <select value={String(value ?? spec.default)} onChange={(e) => onChange(e.target.value)} data-testid={`param-${name}`}>
        {spec.options.map((option) => (
          <option key={option}>{option}</option>
        ))}
      </select>
    );
  }
  return (
    <input
      type="number"
      inputMode="numeric"
      min={spec.min}
      max={spec.max}
      step={1}
      value={Number.isFinite(value) ? String(value) : ""}
      onChange={(e) => onChange(e.target.value === "" ? Number.NaN : Number(e.target.value))}
      data-testid={`param-${name}`}
    />
  );
}
