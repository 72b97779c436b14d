import { Suspense, lazy, useEffect, useMemo } from "react";
import { decodeShare, openedOn, type PageOf } from "../engine/explore/share";
import { CourseNav } from "./CourseNav";
import { CourseHome } from "./CourseHome";
import { EndedRunNotice } from "./EndedRunNotice";
import { LessonPage } from "./LessonPage";
import { LessonLoading } from "./LessonLoading";
import { OfflineNotice } from "./offline/OfflineNotice";
import { PLAYGROUND_SLUG } from "./playground/playground";
import { PLAYGROUND_HREF, lessonHref, useCourse, useLesson, useRoute } from "./hooks";
import { saved } from "./storage";
import { SkipLinks, SkipTargetsProvider } from "./SkipLinks";
import { LanguageSwitch } from "./LanguageSwitch";
import { usePageLanguage } from "./language";
import { useMessages } from "./messages/messages";
import { courseIn, entryIn, lessonIn } from "../engine/course/in-language";
import { playground as playgroundCard } from "virtual:course-index";

// The playground's page and its lesson (read at build time, as a lesson is): none of it comes with the first page.
const PlaygroundPage = lazy(() => import("./PlaygroundPage").then((module) => ({ default: module.PlaygroundPage })));

export function App() {
  const language = usePageLanguage();
  const say = useMessages();
  const builtCourse = useCourse();
  const course = useMemo(() => courseIn(builtCourse, language), [builtCourse, language]);
  const route = useRoute();
  const match = /^\/(?:lessons\/([^/?]+)|(playground))(?:\?(.*))?$/.exec(route);
  const slug = match?.[1];
  const playground = match?.[2] !== undefined;
  const shared = new URLSearchParams(match?.[3] ?? "").get("share");
  // Once per link: the page keeps its session as long as the link it opened with is the same object.
  const entry = course.lessons.find((l) => l.slug === slug);
  const builtLesson = useLesson(entry?.slug);
  const lesson = useMemo(() => builtLesson && lessonIn(builtLesson, language), [builtLesson, language]);
  const here = playground ? PLAYGROUND_SLUG : (entry?.slug ?? "");
  useEffect(() => {
    if (entry) saved.saveLastLesson(entry.slug);
  }, [entry]);
  // Decoded once per link: a link opened on its own page is this same object while the page lasts, whatever the language.
  const decoded = useMemo(() => (shared === null ? null : decodeShare(shared)), [shared]);
  const opened = useMemo(() => {
    if (decoded === null || shared === null) return null;
    const pageOf: PageOf = (madeOn, payload) => {
      if (madeOn === PLAYGROUND_SLUG) return { name: say("share.thePlayground"), href: `${PLAYGROUND_HREF}?share=${payload}` };
      const other = course.lessons.find((l) => l.slug === madeOn);
      return other ? { name: say("share.theLesson", { title: other.title }), href: `${lessonHref(other.slug)}?share=${payload}` } : null;
    };
    // A link's problem is worded as it is decoded: decoded again, a damaged link is said in the page's language too.
    return openedOn("problem" in decoded ? decodeShare(shared) : decoded, shared, here, pageOf);
    // `course` is in the page's language: a new language words another page's name again.
  }, [decoded, shared, here, course]);
  return (
    <SkipTargetsProvider>
      <div className="app">
        <header className="topbar">
          <SkipLinks />
          <a href="#/" className="brand">
            {say("app.brand")}
          </a>
          <span className="course-title">{course.title}</span>
          <OfflineNotice />
          <LanguageSwitch />
        </header>
        <div className="body">
          <CourseNav course={course} current={playground ? PLAYGROUND_SLUG : entry?.slug} />
          <main className="main">
            <EndedRunNotice />
            {playground ? (
              <Suspense fallback={<LessonLoading title={entryIn(playgroundCard, language).title} />}>
                <PlaygroundPage key={`playground?${shared ?? ""}`} opened={opened} />
              </Suspense>
            ) : lesson ? (
              <LessonPage
                key={`${lesson.slug}?${shared ?? ""}`}
                lesson={lesson}
                href={lessonHref(lesson.slug)}
                opened={opened}
                staleTranslation={entry?.staleTranslations?.includes(language) ?? false}
              />
            ) : entry ? (
              <LessonLoading title={entry.title} />
            ) : (
              <CourseHome course={course} missing={slug} />
            )}
          </main>
        </div>
      </div>
    </SkipTargetsProvider>
  );
}
