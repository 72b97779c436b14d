import { CourseNav } from "./CourseNav";
import { CourseHome } from "./CourseHome";
import { LessonPage } from "./LessonPage";
import { useCourse, useRoute } from "./hooks";

export function App() {
  const course = useCourse();
  const route = useRoute();
  const slug = /^\/lessons\/([^/]+)$/.exec(route)?.[1];
  const lesson = course.lessons.find((l) => l.slug === slug);
  return (
    <div className="app">
      <header className="topbar">
        <a href="#/" className="brand">
          Interleave
        </a>
        <span className="course-title">{course.title}</span>
      </header>
      <div className="body">
        <CourseNav course={course} current={lesson?.slug} />
        <main className="main">
          {lesson ? (
            <LessonPage key={lesson.slug} lesson={lesson} />
          ) : (
            <CourseHome course={course} missing={slug} />
          )}
        </main>
      </div>
    </div>
  );
}
