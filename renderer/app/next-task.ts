// Long work in the page or a worker hands its thread back between slices with this, so input,
// messages and painting are not held up (exports, search index merges, chunked reads).

/** Back to the event loop: a MessageChannel task, which, unlike setTimeout(0), is not clamped to 4 ms. */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}
