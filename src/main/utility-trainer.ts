/**
 * Starts the trainer as an Electron utilityProcess (a Chromium-managed Node process; the window never
 * shares its memory or its event loop). The built trainer is out/main/trainer.js, beside this file.
 */
import { utilityProcess } from 'electron';
import { join } from 'node:path';
import { crashMessage, type TrainerProcess } from '../services/trainer-client.ts';

export const TRAINER_BUNDLE = join(import.meta.dirname, 'trainer.js');

export function utilityTrainer(): TrainerProcess {
  const child = utilityProcess.fork(TRAINER_BUNDLE, [], { serviceName: 'ConvStudio trainer', stdio: 'pipe' });
  let stderr = '';
  child.stderr?.on('data', (d) => (stderr = (stderr + String(d)).slice(-2000)));
  return {
    send: (command) => child.postMessage(command),
    onMessage: (listener) => child.on('message', listener),
    onExit: (listener) => child.on('exit', (code) => listener(crashMessage(code, null, stderr))),
    kill: () => void child.kill(),
  };
}
