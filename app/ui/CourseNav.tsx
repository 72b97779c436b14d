import { lessonNumber, type Course } from "../engine/course/course";
import { PLAYGROUND_HREF, lessonHref } from "./hooks";
import { complete, progressOf } from "./progress";
import { PLAYGROUND_SLUG } from "./playground/playground";

export function CourseNav({ course, current }: { course: Course; current?: string }) {
  return (
    <nav className="course-nav" data-testid="course-nav" aria-label="Lessons">
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
                    {done && <span aria-label=" (every goal met)"> ✓</span>}
                  </a>
                </li>
              );
            })}
          </ol>
        </section>
      ))}
      <section>
        <h2>Your own</h2>
        <ul>
          <li>
            <a href={PLAYGROUND_HREF} aria-current={current === PLAYGROUND_SLUG ? "page" : undefined} data-testid="playground-link">
              Playground
            </a>
          </li>
        </ul>
      </section>
    </nav>
  );
}
