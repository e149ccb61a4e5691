import { describeQuery } from '../../shared/query/describe'
import { MessageState } from '../components/message-state'
import { useAppStore } from '../state/store'
import { usePlaceNames } from './place-names'

/**
 * What the chart, the table and the analysis say when the filters leave
 * nothing: which filters, in words, and the way out. An empty grid of rows
 * alone reads as "no data", which is not what happened.
 */
export function NoMatches({ consequence }: { readonly consequence?: string }) {
  const filters = useAppStore((s) => s.filters)
  const countBy = useAppStore((s) => s.countBy)
  const clearAll = useAppStore((s) => s.clearAllFilters)
  const names = usePlaceNames()
  return (
    <MessageState tone="empty" title={`No ${countBy}s match the filters`}>
      <p>Filtered by {describeQuery(filters, names)}.</p>
      {consequence && <p>{consequence}</p>}
      <button type="button" className="header-button" onClick={clearAll}>
        Clear all filters
      </button>
    </MessageState>
  )
}
