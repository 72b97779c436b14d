import { useMessages } from "./messages/messages";

/** Another tab saved this lesson's code: the student chooses whose code stays, and nothing is saved over the other meanwhile. */
export function OtherTabNotice({ onLoad, onKeep }: { onLoad(): void; onKeep(): void }) {
  const say = useMessages();
  return (
    <p className="notice warn" role="alert" data-testid="other-tab">
      {say("code.otherTab")}{" "}
      <button onClick={onLoad} data-testid="other-tab-load">
        {say("code.loadOtherTab")}
      </button>{" "}
      <button onClick={onKeep} data-testid="other-tab-keep">
        {say("code.keepMine")}
      </button>
    </p>
  );
}
