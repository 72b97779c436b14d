/** Play a schedule to its end, a step every quarter second so the interleaving can be watched, or pause it: for either step mode. */
import { useMessages } from "../messages/messages";

interface Props {
  readonly playing: boolean;
  play(delayMs: number): Promise<void>;
  pause(): void;
}

const PLAY_DELAY_MS = 250;

export function PlayPause({ playing, play, pause }: Props) {
  const say = useMessages();
  return playing ? (
    <button onClick={() => pause()} data-testid="step-pause">
      {say("step.pause")}
    </button>
  ) : (
    <button onClick={() => void play(PLAY_DELAY_MS)} data-testid="step-play">
      {say("step.play")}
    </button>
  );
}
