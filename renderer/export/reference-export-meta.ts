import type { UtcMillis } from '../../shared/domain/units'
import { LL2_CREDIT } from '../../shared/ll2/snapshot-file'
import type { AppState } from '../state/store'

/**
 * How a list read against the reference compilations was made, for its CSV's
 * sidecar: the LL2 data's credit and time, the reference sets, the app.
 */
export function referenceExportMeta(s: AppState, exportedAt: UtcMillis) {
  return {
    sets: s.reference?.sets ?? [],
    credit: s.data?.info.credit ?? LL2_CREDIT,
    dataAsOf: s.data?.info.dataAsOf ?? null,
    appVersion: s.appInfo?.version ?? 'unknown',
    exportedAt,
  }
}
