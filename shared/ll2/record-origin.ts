/**
 * Where an LL2 record came from: which API version served it, in what form,
 * who captured it and when, and which of its values LL2 later corrected.
 *
 * Read from the record itself (`x_api_version`, `x_record_form`, `x_source`,
 * `x_snapshot`, its URL and shape), so the bundled snapshot, an imported file
 * and a sync all say the same about the same record.
 */
import type {
  EventOrigin,
  ListedWithin,
  Ll2ApiVersion,
  OriginCorrection,
  RecordForm,
} from '../domain/model'
import { utcMillis, type UtcMillis } from '../domain/units'
import type { Ll2DockingEvent, Ll2SpaceStation } from './schema'

const VERSIONS: ReadonlyArray<Ll2ApiVersion> = ['2.1.0', '2.2.0', '2.3.0']

/**
 * When the public repositories that captured LL2 records made their captures,
 * from `assets/snapshot/sources/README.md` (their commit histories).
 */
const CAPTURES: ReadonlyArray<{
  readonly repo: string
  readonly capturedAt: string
  readonly approximately: boolean
}> = [
  { repo: 'colbad2/LaunchList', capturedAt: '2021-01', approximately: true },
  { repo: 'andreprotonmaster/asdasdasd', capturedAt: '2026-02', approximately: true },
  { repo: 'TiloHeidasch/launchschedule', capturedAt: '2026-07-24', approximately: false },
]

/** The origin of a record an LL2 2.3.0 server served (a sync's). */
export const SERVED_ORIGIN: EventOrigin = {
  apiVersion: '2.3.0',
  form: 'served',
  xSource: null,
  capturedAt: null,
  capturedApproximately: false,
  correction: null,
}

/** `owner/repo` of an `x_source` (`owner/repo@commit:path`). */
export function repoOf(xSource: string): string {
  return xSource.split('@')[0] ?? xSource
}

function captureOf(xSource: string | null | undefined, snapshotNote: string | null | undefined) {
  // A station capture names its own date ("github-actions commit 2026-07-24 ...").
  const dated = snapshotNote?.match(/\b(\d{4}-\d{2}-\d{2})\b/)?.[1]
  if (dated) return { capturedAt: dated, approximately: false }
  const known = xSource ? CAPTURES.find((c) => c.repo === repoOf(xSource)) : undefined
  return known
    ? { capturedAt: known.capturedAt, approximately: known.approximately }
    : { capturedAt: null, approximately: false }
}

const DAY_MS = 86_400_000

/**
 * When a station record's docked list was taken: `fetchedAt` for one a
 * server answered us (it has no `x_source`), the capture's UTC day for one
 * someone else captured. Null when that is not known: a capture of no known
 * date, one dated only approximately (a month, a guess), or a record whose
 * fetch time the caller cannot vouch for (a snapshot file's load time is not
 * when its records were taken).
 */
export function listedWithinOf(
  record: Pick<Ll2SpaceStation, 'x_source' | 'x_snapshot'>,
  fetchedAt: UtcMillis | null,
): ListedWithin | null {
  if (!record.x_source && !record.x_snapshot)
    return fetchedAt === null ? null : { from: fetchedAt, to: fetchedAt }
  const capture = captureOf(record.x_source, record.x_snapshot)
  if (!capture.capturedAt || capture.approximately) return null
  const day = Date.parse(`${capture.capturedAt}T00:00:00Z`)
  return Number.isFinite(day) && /^\d{4}-\d{2}-\d{2}$/.test(capture.capturedAt)
    ? { from: utcMillis(day), to: utcMillis(day + DAY_MS) }
    : null
}

/**
 * The API version of a record: its own `x_api_version`, else its URL's, else
 * its shape (2.3.0 names the chaser `flight_vehicle_chaser`; 2.1.0 ports name
 * no station, 2.2.0 ports do); null for a compilation with `x_provenance`.
 */
export function apiVersionOf(record: Ll2DockingEvent): Ll2ApiVersion | null {
  // A compilation in LL2's shape (the Salyut and Mir reference files) is not LL2's.
  if (record.x_provenance && !record.url && !record.x_api_version) return null
  const stated = VERSIONS.find((v) => v === record.x_api_version)
  if (stated) return stated
  const inUrl = VERSIONS.find((v) => record.url?.includes(`/${v}/`))
  if (inUrl) return inUrl
  if (record.flight_vehicle_chaser || record.space_station_target || record.payload_flight_chaser)
    return '2.3.0'
  if (record.flight_vehicle) return record.docking_location?.spacestation ? '2.2.0' : '2.1.0'
  return null
}

function formOf(record: Ll2DockingEvent): RecordForm {
  const stated = record.x_record_form ?? ''
  if (stated.includes('currently_docked')) return 'currently-docked'
  if (stated.startsWith('pruned-transcription')) return 'pruned-transcription'
  if (stated.startsWith('as-found')) return 'as-found'
  return 'served'
}

/**
 * Times a later capture changed: `x_ll2_2_2_0` values that differ from the
 * record's own (port and station changes are found by placing the record).
 */
export function correctedTimes(record: Ll2DockingEvent): OriginCorrection['fields'] {
  const later = record.x_ll2_2_2_0
  if (!later) return []
  const at = (s: string | null | undefined) => (s ? Date.parse(s) : null)
  return [
    ...(later.docking && at(later.docking) !== at(record.docking) ? (['docking'] as const) : []),
    ...('departure' in later && at(later.departure) !== at(record.departure)
      ? (['departure'] as const)
      : []),
  ]
}

/** The origin of `record`, given what its later capture changed. */
export function originOf(
  record: Ll2DockingEvent,
  corrected: OriginCorrection['fields'],
): EventOrigin {
  const capture = captureOf(record.x_source, record.x_snapshot)
  const later = record.x_ll2_2_2_0
  const laterCapture = later ? captureOf(later.x_source, null) : null
  return {
    apiVersion: apiVersionOf(record),
    form: formOf(record),
    xSource: record.x_source ?? null,
    capturedAt: capture.capturedAt,
    capturedApproximately: capture.approximately,
    correction:
      later && corrected.length > 0
        ? {
            apiVersion: '2.2.0',
            capturedAt: laterCapture?.capturedAt ?? null,
            capturedApproximately: laterCapture?.approximately ?? false,
            fields: corrected,
          }
        : null,
  }
}
