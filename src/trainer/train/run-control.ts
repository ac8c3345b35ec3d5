/** How the owner steers a run: pause, resume and stop, set by the trainer as its commands arrive. */
export interface RunControl {
  stopped: boolean;
  paused: boolean;
  /** Resolves when the run may go on (immediately unless paused). */
  waitWhilePaused(): Promise<void>;
}

/** A run's control with the owner's three commands. */
export interface Steering {
  control: RunControl;
  /**
   * Applies pause, resume or stop; answers the event that says so to the owner (paused, resumed), or null
   * where there is none (stop, or a pause of a paused run). Stop means now: a paused run wakes to stop.
   */
  steer(command: 'pause' | 'resume' | 'stop'): { type: 'paused' | 'resumed' } | null;
}

export function newSteering(): Steering {
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
    steer: (command) => {
      if (command === 'pause' && !control.paused) {
        control.paused = true;
        return { type: 'paused' };
      }
      if (command === 'resume' && control.paused) {
        goOn();
        return { type: 'resumed' };
      }
      if (command === 'stop') {
        control.stopped = true;
        goOn();
      }
      return null;
    },
  };
}
