import Markdown, { defaultUrlTransform } from "react-markdown";

/**
 * Lesson prose. react-markdown builds React elements from the markdown tree
 * and, with `skipHtml`, drops embedded HTML entirely: nothing in a lesson's
 * prose can execute on the page. Its default URL transform drops unsafe
 * schemes (`javascript:`); a relative path names a file of `public/`, so it
 * is resolved against the site's base, which a sub-path deployment moves.
 */
export function Prose({ markdown }: { markdown: string }) {
  return (
    <article className="prose" data-testid="lesson-prose">
      <Markdown skipHtml urlTransform={siteUrl}>
        {markdown}
      </Markdown>
    </article>
  );
}

function siteUrl(url: string): string {
  const safe = defaultUrlTransform(url);
  const relative = safe !== "" && !/^([a-z][a-z0-9+.-]*:|#|\/)/i.test(safe);
  return relative ? `${import.meta.env.BASE_URL}${safe}` : safe;
}
