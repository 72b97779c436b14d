import { useRef, useState } from "react";
import type { Course } from "../engine/course/course";
import { downloadFile } from "./download";
import { lessonHref } from "./hooks";
import { nextLesson } from "./progress";
import { exportProgress, forget, importProgress, readProgress, saved } from "./storage";
import { useMessages } from "./messages/messages";

/** The home page's progress: where to go on, and the student's work as one file to take to another browser, or to start over. */
export function ProgressPanel({ course }: { course: Course }) {
  const say = useMessages();
  const [problem, setProblem] = useState<string | null>(null);
  const picker = useRef<HTMLInputElement>(null);
  const last = course.lessons.find((lesson) => lesson.slug === saved.lastLesson());
  const next = nextLesson(course);

  const load = async (file: File) => {
    const read = readProgress(await file.text());
    if ("problem" in read) return setProblem(read.problem);
    if (!confirm(say("progress.confirmImport"))) return;
    if (!importProgress(read.entries)) return setProblem(say("progress.importRefused"));
    location.reload();
  };
  const resetAll = () => {
    if (!confirm(say("progress.confirmResetAll"))) return;
    forget();
    location.reload();
  };

  return (
    <section className="progress-panel" data-testid="progress-panel">
      {last && (
        <p>
          {say("progress.continue")}{" "}
          <a href={lessonHref(last.slug)} data-testid="progress-continue">
            {last.title}
          </a>
        </p>
      )}
      <p data-testid="progress-next">
        {next ? (
          <>
            {say("progress.next")} <a href={lessonHref(next.slug)}>{next.title}</a>
          </>
        ) : (
          say("progress.allMet")
        )}
      </p>
      <p className="progress-tools">
        <button onClick={() => downloadFile("interleave-progress.json", exportProgress(), "application/json")} data-testid="progress-export">
          {say("progress.export")}
        </button>{" "}
        <button onClick={() => picker.current?.click()} data-testid="progress-import">
          {say("progress.import")}
        </button>
        <input ref={picker} type="file" accept="application/json,.json" hidden onChange={(e) => e.currentTarget.files?.[0] && void load(e.currentTarget.files[0])} data-testid="progress-file" />{" "}
        <button onClick={resetAll} data-testid="progress-reset">
          {say("progress.resetAll")}
        </button>
      </p>
      {problem && (
        <p className="notice warn" role="alert" data-testid="progress-problem">
          {problem}
        </p>
      )}
    </section>
  );
}
