import { useRef, useState, type KeyboardEvent, type MouseEvent } from "react";
import { lessonNumber, type Course } from "../engine/course/course";
import { PLAYGROUND_HREF, lessonHref } from "./hooks";
import { complete, progressOf } from "./progress";
import { PLAYGROUND_SLUG } from "./playground/playground";
import { useNarrowScreen } from "./narrow-screen";
import { useMessages } from "./messages/messages";
import { usePageLanguage } from "./language";
import { entryIn } from "../engine/course/in-language";
import { playground } from "virtual:course-index";

/** The lessons beside every page; on a phone, folded under a "Lessons" button so that the page itself comes first. */
export function CourseNav({ course, current }: { course: Course; current?: string }) {
  const say = useMessages();
  const language = usePageLanguage();
  const narrow = useNarrowScreen();
  const [open, setOpen] = useState(false);
  const toggle = useRef<HTMLButtonElement>(null);
  // A lesson picked from the menu opens under it: the menu makes way for it.
  const closeOnLink = (event: MouseEvent) => {
    if (event.target instanceof Element && event.target.closest("a")) setOpen(false);
  };
  const closeOnEscape = (event: KeyboardEvent) => {
    if (!narrow || !open || event.key !== "Escape") return;
    setOpen(false);
    toggle.current?.focus();
  };
  return (
    <nav className="course-nav" data-testid="course-nav" aria-label={say("nav.lessons")} onKeyDown={closeOnEscape}>
      {narrow && (
        <button
          ref={toggle}
          className="course-nav-toggle"
          aria-expanded={open}
          aria-controls="course-nav-lessons"
          onClick={() => setOpen(!open)}
          data-testid="course-nav-toggle"
        >
          {say("nav.lessons")}
        </button>
      )}
      <div id="course-nav-lessons" hidden={narrow && !open} onClick={closeOnLink}>
        {course.units.map((unit) => (
          <section key={unit.title}>
            <h2>{unit.title}</h2>
            <ol start={unit.lessons[0] && lessonNumber(course, unit.lessons[0].slug)}>
              {unit.lessons.map((lesson) => {
                const done = complete(progressOf(lesson));
                return (
                  <li key={lesson.slug}>
                    <a
                      href={lessonHref(lesson.slug)}
                      aria-current={lesson.slug === current ? "page" : undefined}
                      className={lesson.problems.length > 0 ? "broken" : undefined}
                      data-testid={`lesson-link-${lesson.slug}`}
                      data-complete={done}
                    >
                      {lesson.title}
                      {done && <span aria-label={say("nav.everyGoalMet")}> ✓</span>}
                    </a>
                  </li>
                );
              })}
            </ol>
          </section>
        ))}
        <section>
          <h2>{say("nav.yourOwn")}</h2>
          <ul>
            <li>
              <a href={PLAYGROUND_HREF} aria-current={current === PLAYGROUND_SLUG ? "page" : undefined} data-testid="playground-link">
                {entryIn(playground, language).title}
              </a>
            </li>
          </ul>
        </section>
      </div>
    </nav>
  );
}
