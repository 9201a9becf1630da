import { z } from 'zod'
import { id, optionalString } from '../../chartmogul/wire/fields'
import type { MonacoTag } from '../models'

/** `TagResponse`. `color` is one of DisplayColorEnum today; any string is kept. */
export const wireTagSchema = z.object({ id, name: z.string(), color: optionalString })

export function mapTag(wire: z.output<typeof wireTagSchema>): MonacoTag {
  return { id: wire.id, name: wire.name, color: wire.color }
}
