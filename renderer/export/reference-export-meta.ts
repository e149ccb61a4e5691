import type { UtcMillis } from '../../shared/domain/units'
import { LL2_CREDIT } from '../../shared/ll2/snapshot-file'
import type { ReferenceExportMeta } from '../../shared/reference/reference-export-meta'
import type { AppState } from '../state/store'

/** How a list read against the reference compilations was made, as the store knows it now. */
export function referenceExportMeta(s: AppState, exportedAt: UtcMillis): ReferenceExportMeta {
  return {
    sets: s.reference?.sets ?? [],
    credit: s.data?.info.credit ?? LL2_CREDIT,
    dataAsOf: s.data?.info.dataAsOf ?? null,
    appVersion: s.appInfo?.version ?? 'unknown',
    exportedAt,
  }
}
