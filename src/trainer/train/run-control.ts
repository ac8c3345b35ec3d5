/** How the owner steers a run: pause, resume and stop, set by the trainer as its commands arrive. */
export interface RunControl {
  stopped: boolean;
  paused: boolean;
  /** Resolves when the run may go on (immediately unless paused). */
  waitWhilePaused(): Promise<void>;
}

/** A run's control with the owner's three commands; pause and resume say whether they changed anything. */
export interface Steering {
  control: RunControl;
  pause(): boolean;
  resume(): boolean;
  /** Stop means now: a paused run wakes to stop. */
  stop(): void;
}

export function steering(): Steering {
  let wake: (() => void) | null = null;
  const control: RunControl = {
    stopped: false,
    paused: false,
    waitWhilePaused: () => (control.paused ? new Promise<void>((done) => (wake = done)) : Promise.resolve()),
  };
  const goOn = () => {
    control.paused = false;
    wake?.();
    wake = null;
  };
  return {
    control,
    pause: () => !control.paused && (control.paused = true),
    resume: () => control.paused && (goOn(), true),
    stop: () => {
      control.stopped = true;
      goOn();
    },
  };
}
