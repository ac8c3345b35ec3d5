/**
 * Waits for the next turn of the event loop, after messages already waiting (pause, stop): setImmediate in
 * Node, a message to itself in a browser's worker (a timer there waits at least 4 ms once nested).
 */
export function nextTurn(): Promise<void> {
  if (typeof setImmediate === 'function') return new Promise((resolve) => setImmediate(resolve));
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}
