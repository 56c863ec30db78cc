/**
 * Which HTML entry of the web build a client route opens. The resident pages — /m/…, the public notice
 * board /board/…, and the login page when it leads back to /m (`/login?next=/m…`, the resident's first
 * page) — are m.html, the light entry (antd-mobile only); every other route is the staff app, index.html.
 * The server's not-found handler and the web dev server (apps/web/vite.config.ts) both ask this.
 */
export function webEntryFor(url: string): 'm.html' | 'index.html' {
  const at = url.indexOf('?');
  const pathname = at < 0 ? url : url.slice(0, at);
  if (isResidentPath(pathname) || pathname.startsWith('/board/')) return 'm.html';
  if (pathname === '/login' && isResidentPath(new URLSearchParams(at < 0 ? '' : url.slice(at + 1)).get('next') ?? '')) return 'm.html';
  return 'index.html';
}

/** /m and what is below it (not /mail or /mobile). */
function isResidentPath(path: string): boolean {
  return path === '/m' || path.startsWith('/m/') || path.startsWith('/m?') || path.startsWith('/m#');
}
