/** How the owner steers a run: pause, resume and stop, set by the trainer process as its commands arrive. */
export interface RunControl {
  stopped: boolean;
  paused: boolean;
  /** Resolves when the run may go on (immediately unless paused). */
  waitWhilePaused(): Promise<void>;
}
