import type { Msg } from '../../core/index.ts';

/** A problem a run stops on, in the user's words. */
export class TrainingProblem extends Error {
  constructor(
    readonly problem: Msg,
    /** False when the problem was found before training began (bad input), true when training failed. */
    readonly duringTraining: boolean,
  ) {
    super(problem.key);
  }
}
