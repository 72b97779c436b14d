import { useMessages } from "./messages/messages";

/** A lesson's page while its files load: its title, from the course's index, where the lesson will be. */
export function LessonLoading({ title }: { title: string }) {
  const say = useMessages();
  return (
    <div className="lesson" data-testid="lesson-loading" aria-busy="true">
      <section className="lesson-text">
        <h1>{title}</h1>
        <p className="notice">{say("page.loadingLesson")}</p>
      </section>
    </div>
  );
}
