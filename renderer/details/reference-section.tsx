import { referenceVerdict } from '../../shared/reference/compare'
import { conflictSentence, REFERENCE_AGREES } from '../../shared/reference/conflict-sentence'
import { referenceSources } from '../../shared/reference/source-conflict'
import { ExternalLink } from '../components/external-link'
import { selectReferenceComparison } from '../state/reference-selectors'
import { useAppStore } from '../state/store'

/**
 * What the reference compilations say of the selected docking: where they
 * disagree with LL2, with their sources, or that a matched record disputes
 * nothing. Absent where no reference speaks for that station and time.
 */
export function ReferenceSection({ eventId }: { readonly eventId: number }) {
  const verdict = referenceVerdict(useAppStore(selectReferenceComparison), eventId)
  if (verdict.kind === 'silent') return null
  const sources =
    verdict.kind === 'disagrees' ? [...new Set(verdict.conflicts.flatMap(referenceSources))] : []
  return (
    <section className="detail-reference" aria-label="Reference" data-testid="detail-reference">
      <h3>Reference</h3>
      {verdict.kind === 'agrees' ? (
        <p>{REFERENCE_AGREES}</p>
      ) : (
        <>
          <ul>
            {verdict.conflicts.map((c) => (
              <li key={c.kind}>{conflictSentence(c)}</li>
            ))}
          </ul>
          {sources.length > 0 && (
            <>
              <p className="muted">The reference’s sources:</p>
              <ul className="source-list">
                {sources.map((url) => (
                  <li key={url}>
                    <ExternalLink url={url}>{url}</ExternalLink>
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </section>
  )
}
