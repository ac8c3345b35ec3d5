/**
 * The trainer's line to the process that owns it: Electron's `parentPort` when it runs as a utilityProcess,
 * Node's IPC channel when it was started with child_process.fork. Messages are protocol values either way.
 */
import type { TrainerEvent } from '../core/index.ts';

/** What a utilityProcess child sees of Electron's MessagePortMain (no Electron import in the trainer). */
interface ParentPort {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
}

export interface OwnerChannel {
  send(event: TrainerEvent): void;
  /** Sends the run's last event and ends the process once it has left (tfjs would keep it alive). */
  sendLastAndExit(event: TrainerEvent): void;
  onCommand(listener: (raw: unknown) => void): void;
}

/** How long a utilityProcess child waits after its last message before exiting; the owner also ends it. */
const PORT_FLUSH_MS = 200;

export function ownerChannel(): OwnerChannel {
  const port = (process as { parentPort?: ParentPort }).parentPort;
  if (port) {
    return {
      send: (event) => port.postMessage(event),
      sendLastAndExit: (event) => {
        port.postMessage(event);
        setTimeout(() => process.exit(0), PORT_FLUSH_MS);
      },
      onCommand: (listener) => port.on('message', (event) => listener(event.data)),
    };
  }
  // An owner that is gone (killed, crashed) takes the run with it: nothing would read its events. The threaded
  // WebAssembly build's threads would otherwise keep the process alive.
  process.once('disconnect', () => process.exit(0));
  return {
    send: (event) => process.send?.(event),
    sendLastAndExit: (event) => {
      if (!process.send) process.exit(0);
      process.send(event, () => process.exit(0));
    },
    onCommand: (listener) => process.on('message', listener),
  };
}
