/**
 * How a list read against the reference compilations was made, as its
 * CSV's sidecar tells it: the source conflicts list and the data checks.
 */
import type { UtcMillis } from '../domain/units'
import type { ReferenceSet } from './reference-stay'

/** What such an export records about how it was made. */
export interface ReferenceExportMeta {
  /** The reference compilations read. */
  readonly sets: ReadonlyArray<ReferenceSet>
  /** The LL2 data's credit (`DataInfo.credit`). */
  readonly credit: string
  readonly dataAsOf: UtcMillis | null
  readonly appVersion: string
  readonly exportedAt: UtcMillis
}

/** `dc:source`: LL2 and each reference compilation, credited. */
export const referenceExportSource = (meta: ReferenceExportMeta): string =>
  [meta.credit, ...meta.sets.map((s) => `${s.title}: ${s.source}`)].join(' ; ')

/** The reference compilations as the sidecar's record lists them. */
export const referenceSetsRecord = (meta: ReferenceExportMeta) =>
  meta.sets.map((s) => ({
    file: `${s.id}.json`,
    stations: s.title,
    source: s.source,
    records: s.count,
  }))
