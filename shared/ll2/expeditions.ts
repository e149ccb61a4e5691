/**
 * LL2 expedition records (`/2.1.0/expedition/`, `/2.3.0/expeditions/`) and
 * their normaliser.
 *
 * Both versions give `id`, `name`, `start`, `end` and a `spacestation` with an
 * id and name, which is all the app reads; crews (detailed mode) pass through
 * in the raw JSON.
 */
import { z } from 'zod'

import type { Expedition } from '../domain/expedition'
import { expeditionId, parseUtc, stationId, type UtcMillis } from '../domain/units'
import { describeIssue, isoDateTime } from './schema'

/** One expedition record, 2.1.0 or 2.3.0, normal or detailed mode. */
export const ll2ExpeditionSchema = z.looseObject({
  id: z.number().int(),
  url: z.string().nullish(),
  name: z.string(),
  start: isoDateTime,
  end: isoDateTime.nullish(),
  spacestation: z.looseObject({ id: z.number().int(), name: z.string().nullish() }),
})

/** A parsed expedition record. */
export type Ll2Expedition = z.infer<typeof ll2ExpeditionSchema>

/** An expedition with the raw record it came from, as the cache stores it. */
export interface StoredExpedition {
  readonly expedition: Expedition
  readonly raw: string
}

/** Normalizes one validated expedition record. */
export function toExpedition(record: Ll2Expedition): Expedition {
  return {
    id: expeditionId(record.id),
    name: record.name,
    stationId: stationId(record.spacestation.id),
    stationName: record.spacestation.name ?? null,
    // The schema has checked both times parse.
    start: parseUtc(record.start) as UtcMillis,
    end: record.end ? parseUtc(record.end) : null,
    url: record.url ? record.url.replace(/\?format=api$/, '') : null,
  }
}

/**
 * Validates and normalizes a list of expedition records, all or nothing:
 * returns the first bad record's problem (index, id, field) instead.
 */
export function ingestExpeditions(
  records: ReadonlyArray<unknown>,
):
  | { readonly ok: true; readonly value: ReadonlyArray<StoredExpedition> }
  | { readonly ok: false; readonly error: string } {
  const out: StoredExpedition[] = []
  for (const [i, raw] of records.entries()) {
    const parsed = ll2ExpeditionSchema.safeParse(raw)
    if (!parsed.success) {
      const id = raw && typeof raw === 'object' && 'id' in raw ? ` (id ${String(raw.id)})` : ''
      return { ok: false, error: `expedition ${i}${id}: ${describeIssue(parsed.error)}` }
    }
    out.push({ expedition: toExpedition(parsed.data), raw: JSON.stringify(raw) })
  }
  return { ok: true, value: out }
}
