import { playground } from "virtual:course-index";
import { lessonNumber, type Course, type LessonEntry } from "../engine/course/course";
import { ProblemList } from "./ProblemList";
import { InlineMarkdown } from "./LazyMarkdown";
import { ProgressPanel } from "./ProgressPanel";
import { complete, progressOf } from "./progress";
import { PLAYGROUND_HREF, lessonHref } from "./hooks";
import { useMessages } from "./messages/messages";
import { usePageLanguage } from "./language";
import { entryIn } from "../engine/course/in-language";

export function CourseHome({ course, missing }: { course: Course; missing?: string }) {
  const say = useMessages();
  const language = usePageLanguage();
  return (
    <div className="home" data-testid="course-home">
      {missing && <p className="notice warn">{say("home.noSuchLesson", { slug: missing })}</p>}
      <h1>{course.title}</h1>
      <p>{say("home.intro")}</p>
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
        <h2>{say("nav.yourOwn")}</h2>
        <ul className="lesson-cards">
          <LessonCard lesson={entryIn(playground, language)} href={PLAYGROUND_HREF} />
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
  const say = useMessages();
  const progress = progressOf(lesson);
  if (progress.total === 0) return null;
  return (
    <small className={complete(progress) ? "card-progress complete" : "card-progress"} data-testid={`lesson-progress-${lesson.slug}`}>
      {complete(progress) ? "✓ " : ""}
      {say("home.goalsMet", { met: progress.met, total: progress.total })}
    </small>
  );
}
