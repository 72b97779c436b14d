import { useRef, useState } from "react";
import type { Course } from "../engine/course/course";
import { downloadFile } from "./download";
import { lessonHref } from "./hooks";
import { nextLesson } from "./progress";
import { exportProgress, forget, importProgress, readProgress, saved } from "./storage";

/** The home page's progress: where to go on, and the student's work as one file to take to another browser, or to start over. */
export function ProgressPanel({ course }: { course: Course }) {
  const [problem, setProblem] = useState<string | null>(null);
  const picker = useRef<HTMLInputElement>(null);
  const last = course.lessons.find((lesson) => lesson.slug === saved.lastLesson());
  const next = nextLesson(course);

  const load = async (file: File) => {
    const read = readProgress(await file.text());
    if ("problem" in read) return setProblem(read.problem);
    if (!confirm("Replace the code, parameters and goals this browser remembers with the file's?")) return;
    if (!importProgress(read.entries)) return setProblem("The browser's storage refused part of the file (it is full, or turned off): some lessons were not restored.");
    location.reload();
  };
  const resetAll = () => {
    if (!confirm("Forget your code, parameters and goals in every lesson? Export first to keep a copy.")) return;
    forget();
    location.reload();
  };

  return (
    <section className="progress-panel" data-testid="progress-panel">
      {last && (
        <p>
          Continue where you left off:{" "}
          <a href={lessonHref(last.slug)} data-testid="progress-continue">
            {last.title}
          </a>
        </p>
      )}
      <p data-testid="progress-next">
        {next ? (
          <>
            Next lesson to take: <a href={lessonHref(next.slug)}>{next.title}</a>
          </>
        ) : (
          "Every goal of every lesson is met."
        )}
      </p>
      <p className="progress-tools">
        <button onClick={() => downloadFile("interleave-progress.json", exportProgress(), "application/json")} data-testid="progress-export">
          Export progress
        </button>{" "}
        <button onClick={() => picker.current?.click()} data-testid="progress-import">
          Import progress
        </button>
        <input ref={picker} type="file" accept="application/json,.json" hidden onChange={(e) => e.currentTarget.files?.[0] && void load(e.currentTarget.files[0])} data-testid="progress-file" />{" "}
        <button onClick={resetAll} data-testid="progress-reset">
          Reset the whole course
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
