/**
 * Validates a page or list of LL2 docking events and prepares it for the cache.
 *
 * All or nothing: one bad record rejects the whole page, with an error naming
 * where it came from and which field failed, so a truncated or malformed page
 * never half-lands in the cache.
 */
import type { StoredEvent } from '../cache/docking-cache'
import { jsonShapeProblem } from '../json/json-shape'
import type { Port, Station } from '../domain/model'
import { toDockingEvent, portOfEvent, stationOfEvent, type RecordOrigin } from './normalize'
import { describeIssue, ll2DockingEventSchema } from './schema'

/** A rejected page or record. */
export class Ll2FormatError extends Error {
  constructor(
    readonly where: string,
    readonly detail: string,
  ) {
    super(`${where}: ${detail}`)
    this.name = 'Ll2FormatError'
  }
}

/**
 * How deep LL2 data may nest. Detailed records nest about 8 levels; far
 * deeper is not data the app can use, and would throw RangeError from zod or
 * JSON.stringify later, far from where it came in.
 */
export const LL2_JSON_SHAPE = {
  maxDepth: 64,
  forbidPrototypeKeys: false,
  allowSharedReferences: true,
} as const

/** What one page of records gives the cache. */
export interface IngestBatch {
  readonly events: ReadonlyArray<StoredEvent>
  readonly ports: ReadonlyArray<Port>
  readonly stations: ReadonlyArray<Station>
}

/**
 * Picks the records out of a parsed JSON body: an LL2 page (`{results: [...]}`),
 * a bare list, or a single record.
 */
export function recordsOf(body: unknown, where: string): ReadonlyArray<unknown> {
  const shape = jsonShapeProblem(body, LL2_JSON_SHAPE)
  if (shape !== null) throw new Ll2FormatError(where, shape)
  if (Array.isArray(body)) return body
  if (body && typeof body === 'object') {
    const results = (body as { results?: unknown }).results
    if (Array.isArray(results)) return results
    if ('results' in body) throw new Ll2FormatError(where, 'results: expected an array')
    if ('id' in body && 'docking' in body) return [body]
  }
  throw new Ll2FormatError(where, 'expected an LL2 page, a list of docking events or one record')
}

/** Validates and normalizes records; throws Ll2FormatError on the first bad one. */
export function ingestRecords(
  records: ReadonlyArray<unknown>,
  origin: RecordOrigin,
  where: string,
): IngestBatch {
  const events: StoredEvent[] = []
  const ports = new Map<number, Port>()
  const stations = new Map<number, Station>()
  records.forEach((raw, i) => {
    const parsed = ll2DockingEventSchema.safeParse(raw)
    if (!parsed.success) {
      const id = raw && typeof raw === 'object' && 'id' in raw ? ` (id ${String(raw.id)})` : ''
      throw new Ll2FormatError(where, `record ${i}${id}: ${describeIssue(parsed.error)}`)
    }
    const record = parsed.data
    events.push({ event: toDockingEvent(record, origin), raw: JSON.stringify(raw) })
    const port = portOfEvent(record)
    if (port) ports.set(port.id, port)
    const station = stationOfEvent(record)
    if (station) stations.set(station.id, station)
  })
  return { events, ports: [...ports.values()], stations: [...stations.values()] }
}
