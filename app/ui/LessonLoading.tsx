/** A lesson's page while its files load: its title, from the course's index, where the lesson will be. */
export function LessonLoading({ title }: { title: string }) {
  return (
    <div className="lesson" data-testid="lesson-loading" aria-busy="true">
      <section className="lesson-text">
        <h1>{title}</h1>
        <p className="notice">Loading the lesson…</p>
      </section>
    </div>
  );
}
