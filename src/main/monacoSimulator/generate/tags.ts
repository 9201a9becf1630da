/** Tags per object type, each with a display colour. */
import type { Rng } from '../../simulator/random'
import type { TagRecord } from '../records'
import { TAG_COLORS, TAG_NAMES, TAG_OBJECTS } from '../vocabulary'

export function generateTags(rng: Rng): TagRecord[] {
  const tags: TagRecord[] = []
  for (const object of TAG_OBJECTS) {
    for (const name of TAG_NAMES[object]) {
      tags.push({ id: rng.uuidV4(), object, name, color: rng.pick(TAG_COLORS) })
    }
  }
  return tags
}

/** Zero to `max` distinct tag ids of one object type. */
export function pickTagIds(rng: Rng, tags: readonly TagRecord[], max: number): string[] {
  const count = rng.weighted<number>([
    [0, 5],
    [1, 3],
    [max, 1]
  ])
  return rng.sample(tags, count).map((t) => t.id)
}
