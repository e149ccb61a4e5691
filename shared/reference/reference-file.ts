/**
 * Reads a reference file: an LL2-shaped page (`{source, results: [...]}`)
 * whose records carry `x_provenance` (precision per time, sources, notes).
 *
 * Its own schema, not LL2's: the files state precisions LL2 has no word for
 * ("unknown"), and validating them as LL2 data would invite mixing them in.
 */
import { z } from 'zod'

import { parseUtc, referenceId, type UtcMillis } from '../domain/units'
import type { ReferenceSet, ReferenceStay, ReferenceTime } from './reference-stay'

/** Where the bundled reference files sit, relative to the app's resources (and the repository). */
export const BUNDLED_REFERENCE_PATH = 'assets/reference'

/** A reference file that cannot be read, with the place and the reason. */
export class ReferenceFormatError extends Error {
  constructor(
    readonly where: string,
    readonly detail: string,
  ) {
    super(`${where}: ${detail}`)
    this.name = 'ReferenceFormatError'
  }
}

const iso = z.string().refine((s) => parseUtc(s) !== null, 'an ISO 8601 time')
const precision = z.enum(['second', 'minute', 'hour', 'day', 'month', 'year'])
const named = z.looseObject({ name: z.string().min(1) })

const recordSchema = z.looseObject({
  id: z.number().int().nonnegative(),
  docking: iso,
  departure: iso.nullable(),
  docking_location: z.looseObject({ name: z.string().min(1), spacestation: named.nullish() }),
  space_station_target: named,
  flight_vehicle_chaser: z.looseObject({
    spacecraft: z.looseObject({ name: z.string().min(1) }),
  }),
  x_provenance: z.looseObject({
    docking_precision: precision,
    // "unknown" or absent: the compilers found no departure to state.
    departure_precision: z.union([precision, z.literal('unknown')]).nullish(),
    event_type: z.string().nullish(),
    port_basis: z.string().nullish(),
    sources: z.array(z.string()).default([]),
    notes: z.string().nullish(),
  }),
})

const fileSchema = z.looseObject({
  source: z.string().default(''),
  results: z.array(z.unknown()),
})

type ReferenceRecord = z.infer<typeof recordSchema>

function stayOf(r: ReferenceRecord, setId: string): ReferenceStay {
  const p = r.x_provenance
  const departure: ReferenceTime | null =
    r.departure !== null && p.departure_precision && p.departure_precision !== 'unknown'
      ? { at: parseUtc(r.departure) as UtcMillis, precision: p.departure_precision }
      : null
  return {
    id: referenceId(r.id),
    setId,
    vehicle: r.flight_vehicle_chaser.spacecraft.name,
    stationName: r.space_station_target.name,
    portName: r.docking_location.name,
    docking: { at: parseUtc(r.docking) as UtcMillis, precision: p.docking_precision },
    departure,
    eventType: p.event_type ?? null,
    portBasis: p.port_basis ?? null,
    sources: p.sources,
    notes: p.notes ?? null,
  }
}

/**
 * Parses one reference file's JSON. All or nothing: a bad record rejects
 * the file, naming the record and the field, so a half-read reference never
 * reports records as "missing".
 */
export function parseReferenceFile(
  body: unknown,
  setId: string,
): { readonly set: ReferenceSet; readonly stays: ReadonlyArray<ReferenceStay> } {
  const file = fileSchema.safeParse(body)
  if (!file.success) throw new ReferenceFormatError(setId, 'expected {source, results: [...]}')
  const stays = file.data.results.map((raw, i) => {
    const parsed = recordSchema.safeParse(raw)
    if (!parsed.success) {
      const issue = parsed.error.issues[0]
      const path = issue?.path.join('.') || 'record'
      throw new ReferenceFormatError(setId, `record ${i}: ${path}: ${issue?.message ?? 'invalid'}`)
    }
    return stayOf(parsed.data, setId)
  })
  const ids = new Set(stays.map((s) => s.id))
  if (ids.size !== stays.length) throw new ReferenceFormatError(setId, 'record ids repeat')
  const stations = [...new Set(stays.map((s) => s.stationName))]
  return {
    set: { id: setId, title: stations.join(', '), source: file.data.source, count: stays.length },
    stays,
  }
}
