/**
 * The bundled snapshot: real LL2 records, one per id, with the LL2 2.3.0
 * station records their ports are resolved against.
 *
 * The file keeps every record as it was captured (`x_source`, API version and
 * record form included); what the app shows of it is made at load time by
 * the same normaliser a sync and an import use, so the three can never
 * disagree about a record.
 */
import type { StoredStation } from '../cache/docking-cache'
import type { Port, Station } from '../domain/model'
import type { UtcMillis } from '../domain/units'
import { ingestRecords, Ll2FormatError, recordsOf, type IngestBatch } from './ingest'
import { toStation } from './normalize'
import { describeIssue, ll2SpaceStationSchema } from './schema'
import { EMPTY_DIRECTORY, stationDirectory, type StationDirectory } from './station-directory'

/** Where the bundled snapshot sits, relative to the app's resources (and the repository). */
export const BUNDLED_SNAPSHOT_PATH = 'assets/snapshot/ll2-snapshot.json'

/** The snapshot file's format tag; a reader refuses others. */
export const SNAPSHOT_FORMAT = 'docking-timeline/ll2-snapshot@1'

/** Who to credit wherever the records are shown or exported. */
export const LL2_CREDIT = 'Launch Library 2 by The Space Devs'

/** The snapshot file as JSON. */
export interface SnapshotBody {
  readonly format: typeof SNAPSHOT_FORMAT
  readonly credit: string
  /** A sentence saying what the records are and where they came from. */
  readonly source: string
  /** Counts a reader can check the file against (written by the build). */
  readonly summary: SnapshotSummary
  /** LL2 2.3.0 `space_stations` records (detailed), as captured. */
  readonly space_stations: ReadonlyArray<unknown>
  /** LL2 docking event records of any version, one per id, in id order, as captured. */
  readonly docking_events: ReadonlyArray<unknown>
}

/** What a snapshot holds once placed. */
export interface SnapshotSummary {
  readonly events: number
  readonly stations: number
  readonly ports: number
  /** Events per station name, in station id order. */
  readonly eventsByStation: Readonly<Record<string, number>>
  /** Events per LL2 API version of their record. */
  readonly eventsByApiVersion: Readonly<Record<string, number>>
  /** Records that could not be placed: `id: reason (detail)`. */
  readonly unplaced: ReadonlyArray<string>
}

/** Station records with their ports, and the directory they make. */
export function readStationRecords(
  records: ReadonlyArray<unknown>,
  where: string,
  fetchedAt: UtcMillis,
): { readonly stations: StoredStation[]; readonly directory: StationDirectory } {
  const stations = records.map((raw, i): StoredStation => {
    const parsed = ll2SpaceStationSchema.safeParse(raw)
    if (!parsed.success) {
      throw new Ll2FormatError(where, `space_stations[${i}]: ${describeIssue(parsed.error)}`)
    }
    // The load time is not when a snapshot's station records were taken.
    return { ...toStation(parsed.data, null), raw: JSON.stringify(raw), fetchedAt }
  })
  const directory = stationDirectory(
    stations.map((s): Station => s.station),
    stations.flatMap((s): Port[] => [...s.ports]),
  )
  return { stations, directory }
}

/** A snapshot read and placed: station records, events, and what could not be placed. */
export interface SnapshotContent {
  readonly stations: ReadonlyArray<StoredStation>
  readonly batch: IngestBatch
  readonly source: string | null
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null

/**
 * Reads a parsed snapshot body: this format, or (for files made by `cli
 * snapshot` and older builds) a plain LL2 page with an optional `source`.
 */
export function readSnapshotBody(
  body: unknown,
  where: string,
  fetchedAt: UtcMillis,
): SnapshotContent {
  const origin = { source: 'snapshot' as const, fetchedAt }
  const source = isRecord(body) && typeof body.source === 'string' ? body.source : null
  if (!isRecord(body) || body.format === undefined) {
    return { stations: [], batch: ingestRecords(recordsOf(body, where), origin, where), source }
  }
  if (body.format !== SNAPSHOT_FORMAT) {
    throw new Ll2FormatError(where, `format: expected ${SNAPSHOT_FORMAT}`)
  }
  const stationRecords = Array.isArray(body.space_stations) ? body.space_stations : []
  const { stations, directory } = readStationRecords(stationRecords, where, fetchedAt)
  const events = Array.isArray(body.docking_events) ? body.docking_events : []
  return {
    stations,
    batch: ingestRecords(events, origin, where, stations.length ? directory : EMPTY_DIRECTORY),
    source,
  }
}

/** Counts of a placed snapshot, for its summary and the build's report. */
export function summarize(content: SnapshotContent): SnapshotSummary {
  const names = new Map<number, string>()
  for (const s of content.stations) names.set(s.station.id, s.station.name)
  for (const s of content.batch.stations) if (!names.has(s.id)) names.set(s.id, s.name)
  const ports = new Set<number>([
    ...content.stations.flatMap((s) => s.ports.map((p) => p.id)),
    ...content.batch.ports.map((p) => p.id),
  ])
  const byStation = new Map<number, number>()
  const byVersion = new Map<string, number>()
  for (const { event } of content.batch.events) {
    if (event.stationId !== null)
      byStation.set(event.stationId, (byStation.get(event.stationId) ?? 0) + 1)
    const v = event.origin.apiVersion ?? 'unknown'
    byVersion.set(v, (byVersion.get(v) ?? 0) + 1)
  }
  return {
    events: content.batch.events.length,
    stations: names.size,
    ports: ports.size,
    eventsByStation: Object.fromEntries(
      [...byStation].sort(([a], [b]) => a - b).map(([id, n]) => [names.get(id) ?? String(id), n]),
    ),
    eventsByApiVersion: Object.fromEntries([...byVersion].sort(([a], [b]) => a.localeCompare(b))),
    unplaced: content.batch.unplaced.map((u) => `${u.id}: ${u.reason} (${u.detail})`),
  }
}
