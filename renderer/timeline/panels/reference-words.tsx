import { referenceWords } from '../../../shared/reference/conflict-sentence'
import { selectReferenceComparison } from '../../state/reference-selectors'
import { useAppStore } from '../../state/store'

/**
 * What the reference compilations say of records listed together (an
 * overlap, a data check's doubt), under their line: which of them the
 * reference disputes and how, so a reader can tell the likely wrong record.
 * Nothing where no reference speaks for them all.
 */
export function ReferenceWords({ eventIds }: { eventIds: ReadonlyArray<number> }) {
  const comparison = useAppStore(selectReferenceComparison)
  const words = referenceWords(eventIds, comparison)
  if (words.length === 0) return null
  return (
    <ul className="reference-words" aria-label="What the reference says">
      {words.map((w) => (
        <li key={w}>{w}</li>
      ))}
    </ul>
  )
}
