import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { ApiError, api, setCsrfToken } from './client.ts';
import type { Ability, Me } from './types.ts';

interface CurrentUserState {
  /** undefined while loading, null when nobody is signed in. */
  me: Me | null | undefined;
  error: ApiError | null;
  refresh: () => Promise<Me | null>;
  can: (ability: Ability) => boolean;
  logout: () => Promise<void>;
}

const CurrentUserContext = createContext<CurrentUserState | null>(null);

export function CurrentUserProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  const [error, setError] = useState<ApiError | null>(null);

  const refresh = useCallback(async () => {
    try {
      const next = await api.get<Me>('/auth/me', undefined, { allow401: true });
      setCsrfToken(next.csrfToken);
      setMe(next);
      setError(null);
      return next;
    } catch (e) {
      if (e instanceof ApiError && e.status !== 401) setError(e);
      setMe(null);
      return null;
    }
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const can = useCallback((ability: Ability) => Boolean(me?.abilities.includes(ability)), [me]);

  const logout = useCallback(async () => {
    try {
      await api.post('/auth/logout', undefined, { allow401: true });
    } finally {
      setCsrfToken(null);
      setMe(null);
    }
  }, []);

  const value = useMemo(() => ({ me, error, refresh, can, logout }), [me, error, refresh, can, logout]);
  return <CurrentUserContext.Provider value={value}>{children}</CurrentUserContext.Provider>;
}

export function useCurrentUser(): CurrentUserState {
  const state = useContext(CurrentUserContext);
  if (!state) throw new Error('useCurrentUser outside CurrentUserProvider');
  return state;
}

/** `const can = useCan(); can('people.pii')` — hides what the user cannot do (the server still checks). */
export function useCan(): (ability: Ability) => boolean {
  return useCurrentUser().can;
}

/**
 * Whether a user works in the admin app: anyone with a grant other than resident (居民). A resident's
 * own abilities (following and evaluating the resolutions of their compound) do not make them staff;
 * they use the phone pages under /m.
 */
export function usesStaffApp(me: Me): boolean {
  return me.grants.some((g) => g.role !== 'resident');
}
