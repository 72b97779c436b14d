import { downloadFile } from "./download";

/** The browser refused to store the student's code: say so at once, and let them take it away as a file. */
export function UnsavedNotice({ slug, code }: { slug: string; code: string }) {
  return (
    <p className="notice warn" role="alert" data-testid="code-unsaved">
      Your edits are not being saved: this browser refused to store them (its storage for this site is full, or turned off). They stay in this page
      while it is open.{" "}
      <button onClick={() => downloadFile(`${slug}.ts`, code)} data-testid="code-download">
        Download your code
      </button>{" "}
      to keep them, or make room: Reset code on the lessons you have finished.
    </p>
  );
}
