/**
 * Waits before a search request goes out, inside a useData load: typing does not send a request per
 * key, and the next keystroke's load aborts this one (the wait ends with an AbortError, which useData drops).
 */
export const searchPause = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(new DOMException('aborted', 'AbortError'));
    });
  });
