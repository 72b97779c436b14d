import { playground } from "virtual:course-index";
import { lessonNumber, type Course, type LessonEntry } from "../engine/course/course";
import { ProblemList } from "./ProblemList";
import { InlineMarkdown } from "./LazyMarkdown";
import { ProgressPanel } from "./ProgressPanel";
import { complete, progressOf } from "./progress";
import { PLAYGROUND_HREF, lessonHref } from "./hooks";

export function CourseHome({ course, missing }: { course: Course; missing?: string }) {
  return (
    <div className="home" data-testid="course-home">
      {missing && <p className="notice warn">There is no lesson “{missing}”. Pick one below.</p>}
      <h1>{course.title}</h1>
      <p>
        Each lesson runs its scenario on real Web Workers sharing memory, on your machine's cores. Read, predict, run,
        then change the code and run again.
      </p>
      <ProblemList problems={course.problems} />
      <ProgressPanel course={course} />
      {course.units.map((unit) => (
        <section key={unit.title}>
          <h2>{unit.title}</h2>
          <ul className="lesson-cards">
            {unit.lessons.map((lesson) => (
              <LessonCard key={lesson.slug} lesson={lesson} number={lessonNumber(course, lesson.slug)} href={lessonHref(lesson.slug)} />
            ))}
          </ul>
        </section>
      ))}
      <section>
        <h2>Your own</h2>
        <ul className="lesson-cards">
          <LessonCard lesson={playground} href={PLAYGROUND_HREF} />
        </ul>
      </section>
    </div>
  );
}

function LessonCard({ lesson, number, href }: { lesson: LessonEntry; number?: number; href: string }) {
  return (
    <li>
      <a href={href} data-testid={`lesson-card-${lesson.slug}`}>
        <strong>
          {number !== undefined && `${number}. `}
          {lesson.title}
        </strong>
        <span>
          <InlineMarkdown text={lesson.summary} />
        </span>
        {number !== undefined && <Progress lesson={lesson} />}
      </a>
    </li>
  );
}

function Progress({ lesson }: { lesson: LessonEntry }) {
  const progress = progressOf(lesson);
  if (progress.total === 0) return null;
  return (
    <small className={complete(progress) ? "card-progress complete" : "card-progress"} data-testid={`lesson-progress-${lesson.slug}`}>
      {complete(progress) ? "✓ " : ""}
      {progress.met} of {progress.total} goals met
    </small>
  );
}
