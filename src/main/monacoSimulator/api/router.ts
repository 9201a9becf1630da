/**
 * Method + exact path → route, the way Starlette resolves them: a full match runs the
 * handler; a path match with another method is a 405; no match, but the path with its
 * trailing slash added or removed matches → 307 to that form (before any authentication, as
 * Starlette redirects before the route's dependencies run); otherwise 404.
 */
import { ROUTES, type Route } from './routes'

export type Resolution =
  | { kind: 'route'; route: Route; params: string[] }
  | { kind: 'method_not_allowed' }
  | { kind: 'redirect'; path: string }
  | { kind: 'not_found' }

function match(template: string, path: string): string[] | null {
  const want = template.split('/')
  const got = path.split('/')
  if (want.length !== got.length) return null
  const params: string[] = []
  for (let i = 0; i < want.length; i++) {
    const w = want[i] as string
    const g = got[i] as string
    if (w.startsWith('{')) {
      // A path parameter is one non-empty segment.
      if (g === '') return null
      params.push(g)
    } else if (w !== g) return null
  }
  return params
}

function pathKnown(path: string): boolean {
  return ROUTES.some((r) => match(r.template, path) !== null)
}

export function resolve(method: string, path: string): Resolution {
  let partial = false
  for (const route of ROUTES) {
    const params = match(route.template, path)
    if (!params) continue
    if (route.method === method) return { kind: 'route', route, params }
    partial = true
  }
  if (partial) return { kind: 'method_not_allowed' }
  if (path !== '/') {
    const other = path.endsWith('/') ? path.slice(0, -1) : `${path}/`
    if (pathKnown(other)) return { kind: 'redirect', path: other }
  }
  return { kind: 'not_found' }
}
