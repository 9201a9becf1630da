import type { KeysetPosition } from '../../../shared/sync/keysetPosition'

/** Where every keyset walk starts (the renderer cannot import main's copy). */
export const START_POSITION: KeysetPosition = {
  createdAt: null,
  seenIdsAtThatInstant: [],
  instantDone: false
}
