import type { Course } from "../engine/course/course";
import { lessonHref } from "./hooks";

export function CourseNav({ course, current }: { course: Course; current?: string }) {
  return (
    <nav className="course-nav" data-testid="course-nav" aria-label="Lessons">
      {course.units.map((unit) => (
        <section key={unit.title}>
          <h2>{unit.title}</h2>
          <ol>
            {unit.lessons.map((lesson) => (
              <li key={lesson.slug}>
                <a
                  href={lessonHref(lesson.slug)}
                  aria-current={lesson.slug === current ? "page" : undefined}
                  className={lesson.problems.length > 0 ? "broken" : undefined}
                  data-testid={`lesson-link-${lesson.slug}`}
                >
                  {lesson.title}
                </a>
              </li>
            ))}
          </ol>
        </section>
      ))}
    </nav>
  );
}
