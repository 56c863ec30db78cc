import { useEffect } from 'react';
import { useLocation } from 'react-router';

/**
 * A page of the other HTML entry (the staff app index.html, or the resident pages m.html): the browser
 * loads it from the server instead of rendering it here, so each entry carries only its own libraries.
 * If the server already answered this very address with this entry (a development server without the
 * resident-entry rule), nothing is reloaded — `fallback` is shown instead of a reload loop.
 */
export function FullLoad({ fallback = null }: { fallback?: React.ReactNode }) {
  const location = useLocation();
  const target = location.pathname + location.search + location.hash;
  const arrivedHere = initialAddress === target;
  useEffect(() => {
    if (!arrivedHere) window.location.replace(target);
  }, [arrivedHere, target]);
  return <>{arrivedHere ? fallback : null}</>;
}

/** The address this document was loaded at (client-side navigation changes location, not this). */
const initialAddress = typeof window === 'undefined' ? '' : window.location.pathname + window.location.search + window.location.hash;
