/**
 * What an import did, as numbers and in words.
 *
 * LL2 ids are stable, so an import works as a sync does: a record whose id
 * is stored replaces it in place (or is left alone when it is the same
 * record), the rest are added, and nothing is removed. A record the app
 * cannot place is not stored; the report counts it by reason.
 */
import type { StoredEvent } from '../cache/docking-cache'
import type { ApiVersionCount, IngestBatch } from './ingest'
import type { UnplacedReason } from './placement'
import { countNoun } from '../format/count-noun'

/** Records of one reason that could not be placed, with a few of them named. */
export interface UnplacedGroup {
  readonly reason: UnplacedReason
  readonly count: number
  /** The first few (at most `UNPLACED_EXAMPLES`): LL2 id and why, in words. */
  readonly examples: ReadonlyArray<{ readonly id: number; readonly detail: string }>
}

/** What importing one file did to the cache. */
export interface ImportReport {
  /** The file's name, as the user picked it (a label, never a path main opens). */
  readonly fileName: string
  /** Records in the file. */
  readonly records: number
  /** New LL2 ids stored. */
  readonly added: number
  /** Stored records replaced in place by a different record of the same id. */
  readonly updated: number
  /** Records identical to the stored one of their id: left as they were. */
  readonly unchanged: number
  /** Records not stored, grouped by why they could not be placed. */
  readonly unplaced: ReadonlyArray<UnplacedGroup>
  /** Stations and ports the placed records sit at. */
  readonly stations: number
  readonly ports: number
  /** Records by the LL2 version that served them. */
  readonly apiVersions: ReadonlyArray<ApiVersionCount>
}

/** Examples kept per reason: enough to find the records, few enough to read. */
export const UNPLACED_EXAMPLES = 3

/** How the placed records of a batch compare with what the cache holds. */
export interface ImportPlan {
  /** Records to write: new ids and changed records (one per id, the file's last). */
  readonly writes: ReadonlyArray<StoredEvent>
  readonly added: number
  readonly updated: number
  readonly unchanged: number
}

/**
 * Splits a batch's records into added, updated and unchanged against the
 * stored raw record of each id (`storedRaw`: null when the id is new).
 *
 * An id in the file twice counts once, as its last record: the one a write
 * in order would leave.
 */
export function planImport(
  events: ReadonlyArray<StoredEvent>,
  storedRaw: (id: number) => string | null,
): ImportPlan {
  const last = new Map<number, StoredEvent>()
  for (const e of events) last.set(e.event.id, e)
  let added = 0
  let unchanged = 0
  const writes: StoredEvent[] = []
  for (const e of last.values()) {
    const stored = storedRaw(e.event.id)
    if (stored === e.raw) unchanged++
    else {
      if (stored === null) added++
      writes.push(e)
    }
  }
  return { writes, added, updated: writes.length - added, unchanged }
}

function groupUnplaced(batch: IngestBatch): ReadonlyArray<UnplacedGroup> {
  const groups = new Map<UnplacedReason, { count: number; examples: UnplacedGroup['examples'] }>()
  for (const u of batch.unplaced) {
    const g = groups.get(u.reason) ?? { count: 0, examples: [] }
    groups.set(u.reason, {
      count: g.count + 1,
      examples:
        g.examples.length < UNPLACED_EXAMPLES
          ? [...g.examples, { id: u.id, detail: u.detail }]
          : g.examples,
    })
  }
  return [...groups].map(([reason, g]) => ({ reason, ...g }))
}

/** The report of an import of `records` records that made `batch` and wrote as `plan` says. */
export function importReport(
  fileName: string,
  records: number,
  batch: IngestBatch,
  plan: Omit<ImportPlan, 'writes'>,
): ImportReport {
  return {
    fileName,
    records,
    added: plan.added,
    updated: plan.updated,
    unchanged: plan.unchanged,
    unplaced: groupUnplaced(batch),
    stations: batch.stations.length,
    ports: batch.ports.length,
    apiVersions: batch.apiVersions,
  }
}

/** Why a record was not placed, as the end of "2 records …". */
export const UNPLACED_WORDS: { readonly [R in UnplacedReason]: string } = {
  'no-docking-time': 'without a docking time',
  'no-station': 'without a known station',
  'no-port': 'without a known port',
}

const records = (n: number) => countNoun(n, 'record')

/**
 * The report in words: "Imported ll2.json: 12 added, 230 updated, 0
 * unchanged, 0 removed. 3 records could not be placed and were not stored:
 * 2 without a known port, 1 without a docking time."
 */
export function describeImport(report: ImportReport): string {
  // An import never removes: the 0 is stated as a sync's report states it.
  const head = `Imported ${report.fileName}: ${report.added} added, ${report.updated} updated, ${report.unchanged} unchanged, 0 removed.`
  const notPlaced = report.unplaced.reduce((n, g) => n + g.count, 0)
  if (notPlaced === 0) return head
  const reasons = report.unplaced.map((g) => `${g.count} ${UNPLACED_WORDS[g.reason]}`).join(', ')
  const verb = notPlaced === 1 ? 'was' : 'were'
  return `${head} ${records(notPlaced)} could not be placed and ${verb} not stored: ${reasons}.`
}

/** "242 LL2 2.1.0, 9 LL2 2.3.0", or "none" for an empty list. */
export function describeApiVersions(versions: ReadonlyArray<ApiVersionCount>): string {
  if (versions.length === 0) return 'none'
  return (
    [...versions]
      // Versions in order; records in no LL2 shape last.
      .sort((a, b) => ((a.version ?? '~') < (b.version ?? '~') ? -1 : 1))
      .map((v) => `${v.count} ${v.version === null ? 'not in an LL2 shape' : `LL2 ${v.version}`}`)
      .join(', ')
  )
}
