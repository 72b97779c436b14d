/**
 * Prose.tsx's components, loaded when a page first shows markdown: the
 * markdown renderer is not part of the first page. Until it arrives, the
 * prose's place stays empty and a summary shows as plain text.
 */
import { Suspense, lazy } from "react";

const Rendered = {
  Prose: lazy(() => import("./Prose").then((module) => ({ default: module.Prose }))),
  InlineMarkdown: lazy(() => import("./Prose").then((module) => ({ default: module.InlineMarkdown }))),
};

export function Prose({ markdown }: { markdown: string }) {
  return (
    <Suspense fallback={<article className="prose" aria-busy="true" />}>
      <Rendered.Prose markdown={markdown} />
    </Suspense>
  );
}

export function InlineMarkdown({ text }: { text: string }) {
  return (
    <Suspense fallback={text.replace(/[`*]/g, "")}>
      <Rendered.InlineMarkdown text={text} />
    </Suspense>
  );
}
