/**
 * What every export file says of where it came from: the app and its version,
 * when it was written, and how new the data was then. The data export's
 * envelope, an Analysis table's and the conflicts list's sidecar say it alike.
 */
import { toIsoUtc, type UtcMillis } from '../domain/units'

/** The stamp's fields, as they appear in an envelope. */
export interface ExportStamp {
  readonly app: { readonly name: 'Docking Timeline'; readonly version: string }
  readonly exportedAt: string
  /** Last sync or snapshot load; null when never synced. */
  readonly dataAsOf: string | null
}

/** The stamp of an export written at `exportedAt` by app `appVersion` from data as of `dataAsOf`. */
export function exportStamp(meta: {
  readonly appVersion: string
  readonly exportedAt: UtcMillis
  readonly dataAsOf: UtcMillis | null
}): ExportStamp {
  return {
    app: { name: 'Docking Timeline', version: meta.appVersion },
    exportedAt: toIsoUtc(meta.exportedAt),
    dataAsOf: meta.dataAsOf === null ? null : toIsoUtc(meta.dataAsOf),
  }
}
