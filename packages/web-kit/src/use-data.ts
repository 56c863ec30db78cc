import { type DependencyList, useCallback, useEffect, useRef, useState } from 'react';

export interface Data<T> {
  /** The last value loaded (kept while a reload runs); undefined before the first answer. */
  data: T | undefined;
  /** The last failure, cleared by the next success. */
  error: Error | null;
  loading: boolean;
  /** Loads again (after a write). */
  reload: () => Promise<void>;
}

/**
 * Loads data for a page: `const { data, loading, error, reload } = useData((signal) => api.get('/grids', q, { signal }), [q])`.
 * Loads again when a dependency changes; an answer that arrives after a newer request started is dropped
 * (its request is aborted), so a quick filter change never shows the older list.
 */
export function useData<T>(load: (signal: AbortSignal) => Promise<T>, deps: DependencyList): Data<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<Error | null>(null);
  const [loading, setLoading] = useState(true);
  const current = useRef<AbortController | null>(null);
  const run = useCallback(async () => {
    current.current?.abort();
    const controller = new AbortController();
    current.current = controller;
    setLoading(true);
    try {
      const value = await load(controller.signal);
      if (controller.signal.aborted) return;
      setData(value);
      setError(null);
    } catch (e) {
      if (controller.signal.aborted) return;
      setError(e instanceof Error ? e : new Error(String(e)));
    } finally {
      if (current.current === controller) setLoading(false);
    }
    // biome-ignore lint/correctness/useExhaustiveDependencies: the caller's dependencies decide when to load again
  }, deps);
  useEffect(() => {
    void run();
    return () => current.current?.abort();
  }, [run]);
  return { data, error, loading, reload: run };
}
