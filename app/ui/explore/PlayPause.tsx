/** Play a schedule to its end, a step every quarter second so the interleaving can be watched, or pause it: for either step mode. */
interface Props {
  readonly playing: boolean;
  play(delayMs: number): Promise<void>;
  pause(): void;
}

const PLAY_DELAY_MS = 250;

export function PlayPause({ playing, play, pause }: Props) {
  return playing ? (
    <button onClick={() => pause()} data-testid="step-pause">
      Pause
    </button>
  ) : (
    <button onClick={() => void play(PLAY_DELAY_MS)} data-testid="step-play">
      Play to the end
    </button>
  );
}
