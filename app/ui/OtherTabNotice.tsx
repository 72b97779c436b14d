/** Another tab saved this lesson's code: the student chooses whose code stays, and nothing is saved over the other meanwhile. */
export function OtherTabNotice({ onLoad, onKeep }: { onLoad(): void; onKeep(): void }) {
  return (
    <p className="notice warn" role="alert" data-testid="other-tab">
      This lesson's code was changed in another tab. Until you choose, your edits here are not saved, so neither tab's code is lost.{" "}
      <button onClick={onLoad} data-testid="other-tab-load">
        Load the other tab's code
      </button>{" "}
      <button onClick={onKeep} data-testid="other-tab-keep">
        Keep mine
      </button>
    </p>
  );
}
