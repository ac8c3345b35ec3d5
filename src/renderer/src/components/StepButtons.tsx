/**
 * Back, play/pause and next over a sequence of steps (the cells a window slides to): the buttons, and the
 * playing itself — one step every `ms` until the last, then it stops.
 */
import { useEffect, useState } from 'react';
import { useLang } from '../i18n/lang-context.tsx';

/** Playing: whether it is, and a switch. `at` is the step shown (−1: none yet); `go` shows another. */
export function usePlaying(at: number, count: number, go: (step: number) => void, ms = 900) {
  const [playing, setPlaying] = useState(false);
  useEffect(() => {
    if (!playing) return;
    const timer = setTimeout(() => (at + 1 >= count ? setPlaying(false) : go(at + 1)), ms);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- one step per step shown while playing
  }, [playing, at, count]);
  return [playing, setPlaying] as const;
}

export function StepButtons({
  at,
  count,
  go,
  playing,
  setPlaying,
  testPrefix,
}: {
  at: number;
  count: number;
  go: (step: number) => void;
  playing: boolean;
  setPlaying: (playing: boolean) => void;
  testPrefix: string;
}) {
  const { t } = useLang();
  return (
    <>
      <button
        type="button"
        onClick={() => go(Math.max(0, at - 1))}
        disabled={at <= 0}
        data-testid={`${testPrefix}-back`}
      >
        {t('playground.back')}
      </button>
      <button
        type="button"
        className="primary"
        onClick={() => {
          // Played to the end (or not begun): play from the start.
          if (!playing && (at < 0 || at + 1 >= count)) go(0);
          setPlaying(!playing);
        }}
        data-testid={`${testPrefix}-play`}
      >
        {playing ? t('playground.pause') : t('playground.play')}
      </button>
      <button
        type="button"
        onClick={() => go(Math.min(count - 1, at + 1))}
        disabled={at + 1 >= count}
        data-testid={`${testPrefix}-next`}
      >
        {t('playground.next')}
      </button>
    </>
  );
}
