/**
 * Validates a page or list of LL2 docking events and prepares it for the cache.
 *
 * All or nothing: one bad record rejects the whole page, with an error naming
 * where it came from and which field failed, so a truncated or malformed page
 * never half-lands in the cache.
 */
import type { StoredEvent } from '../cache/docking-cache'
import { jsonShapeProblem } from '../json/json-shape'
import type { Ll2ApiVersion, Port, Station } from '../domain/model'
import { normalizeRecord, type RecordOrigin } from './normalize'
import type { Unplaced } from './placement'
import { apiVersionOf } from './record-origin'
import { describeIssue, ll2DockingEventSchema } from './schema'
import { EMPTY_DIRECTORY, type StationDirectory } from './station-directory'

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
  /** Records that could not be placed (no docking time, station or port): not stored. */
  readonly unplaced: ReadonlyArray<Unplaced>
  /** How many records, placed or not, each LL2 version served (null: not LL2's shape). */
  readonly apiVersions: ReadonlyArray<ApiVersionCount>
}

/** Records of one LL2 API version in a batch. */
export interface ApiVersionCount {
  /** Null for records in no LL2 version's shape (a compilation such as the Salyut reference). */
  readonly version: Ll2ApiVersion | null
  readonly count: number
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

/**
 * Validates and normalizes records of any LL2 version; throws Ll2FormatError
 * on the first malformed one.
 *
 * Records are placed through `directory` (needed for 2.1.0 and 2.2.0 records,
 * which do not name their station and port by id); one that cannot be placed
 * is listed in `unplaced` with its reason and not stored. The raw JSON is
 * kept as received.
 */
export function ingestRecords(
  records: ReadonlyArray<unknown>,
  origin: RecordOrigin,
  where: string,
  directory: StationDirectory = EMPTY_DIRECTORY,
): IngestBatch {
  const events: StoredEvent[] = []
  const ports = new Map<number, Port>()
  const stations = new Map<number, Station>()
  const unplaced: Unplaced[] = []
  const versions = new Map<Ll2ApiVersion | null, number>()
  records.forEach((raw, i) => {
    const parsed = ll2DockingEventSchema.safeParse(raw)
    if (!parsed.success) {
      const id = raw && typeof raw === 'object' && 'id' in raw ? ` (id ${String(raw.id)})` : ''
      throw new Ll2FormatError(where, `record ${i}${id}: ${describeIssue(parsed.error)}`)
    }
    const version = apiVersionOf(parsed.data)
    versions.set(version, (versions.get(version) ?? 0) + 1)
    const result = normalizeRecord(parsed.data, directory, origin)
    if (!result.ok) {
      unplaced.push(result.unplaced)
      return
    }
    events.push({ event: result.event, raw: JSON.stringify(raw) })
    ports.set(result.port.id, result.port)
    stations.set(result.station.id, result.station)
  })
  return {
    events,
    ports: [...ports.values()],
    stations: [...stations.values()],
    unplaced,
    apiVersions: [...versions].map(([version, count]) => ({ version, count })),
  }
}
