/*
 * Page convention for staff pages (modules/<name>/web/):
 * - A page is an index component (<thing>-page.tsx, the lazy route target) that holds the page's state (filters,
 *   which record is open, which dialog shows) and composes parts, each in its own file:
 *   <thing>-filter.tsx (the filter bar: selects, search box, create button), <thing>-table.tsx (columns and
 *   CursorTable), and one file per dialog or drawer (<thing>-drawer.tsx, create-<thing>-modal.tsx …).
 * - Lists go through useCursorList + CursorTable ('@linli/web-kit/components/cursor-list'): server-side filter,
 *   sort, "load more" and the Excel export of the same query.
 * - A single read (one record, a detail, a small option list) goes through useData below, never a hand-written
 *   useEffect + useState pair; after a write call its reload() (or the list's reload()).
 * - Parts get data and callbacks through props; test ids stay on the element they name.
 */
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
