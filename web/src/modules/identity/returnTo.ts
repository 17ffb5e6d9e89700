/**
 * Where to go after signing in: the `returnTo` parameter when it is a path on this site (never
 * another origin, never `//host`), else the account's home (我的账号, or the workbench for staff). Paths under /oidc/ belong to the server's sign-in
 * provider, not to the web app, and need a full page load.
 */
export type Destination = { kind: 'route'; to: string } | { kind: 'document'; href: string };

/** Where each kind of account starts: people on 我的账号, staff on their workbench. */
export const HOME = { person: '/me', staff: '/workbench' } as const;

export function destinationOf(
  returnTo: string | null,
  home: string = HOME.person,
  origin = window.location.origin,
): Destination {
  const FALLBACK: Destination = { kind: 'route', to: home };
  if (!returnTo || !returnTo.startsWith('/') || returnTo.startsWith('//') || returnTo.startsWith('/\\'))
    return FALLBACK;
  let url: URL;
  try {
    url = new URL(returnTo, origin);
  } catch {
    return FALLBACK;
  }
  if (url.origin !== origin) return FALLBACK;
  const path = `${url.pathname}${url.search}${url.hash}`;
  if (url.pathname === '/oidc' || url.pathname.startsWith('/oidc/')) return { kind: 'document', href: path };
  // Back to the sign-in or registration page would look like nothing happened.
  if (['/login', '/register'].includes(url.pathname)) return FALLBACK;
  return { kind: 'route', to: path };
}
