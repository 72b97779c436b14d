import Markdown from "react-markdown";

/**
 * Lesson prose. react-markdown builds React elements from the markdown tree
 * and, with `skipHtml`, drops embedded HTML entirely: nothing in a lesson's
 * prose can execute on the page.
 */
export function Prose({ markdown }: { markdown: string }) {
  return (
    <article className="prose" data-testid="lesson-prose">
      <Markdown skipHtml>{markdown}</Markdown>
    </article>
  );
}
