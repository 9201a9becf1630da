/**
 * An in-memory index of a cache, built in the background once per cache revision. While a build
 * runs, callers get it (one build at a time, even when the revision moves on during a sync); a
 * newer revision rebuilds after it. What is ready now may be a slightly stale index, or null on
 * the very first call.
 */
import type { WorkspaceCache } from '../cache'

export interface RevisionMemo<T> {
  (cache: WorkspaceCache, revision: number): { ready: T | null; current: Promise<T> }
}

interface State<T> {
  revision: number
  value: T | null
  building: Promise<T> | null
  buildingRevision: number
}

export function memoizeByRevision<T>(
  build: (cache: WorkspaceCache) => Promise<T>
): RevisionMemo<T> {
  const states = new WeakMap<WorkspaceCache, State<T>>()
  return (cache, revision) => {
    let state = states.get(cache)
    if (!state) {
      state = { revision: -1, value: null, building: null, buildingRevision: -1 }
      states.set(cache, state)
    }
    const s = state
    if (s.value !== null && s.revision === revision) {
      return { ready: s.value, current: Promise.resolve(s.value) }
    }
    if (!s.building) {
      s.buildingRevision = revision
      const building = build(cache).then((value) => {
        if (s.buildingRevision === revision) {
          s.value = value
          s.revision = revision
          s.building = null
        }
        return value
      })
      building.catch(() => {
        if (s.building === building) s.building = null
      })
      s.building = building
    }
    return { ready: s.value, current: s.building }
  }
}
