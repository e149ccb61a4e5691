import type { KeyboardEvent, ReactNode } from 'react'

import type { SummaryPart } from '../../../shared/prefs/prefs'
import { selectDataChecks } from '../../state/quality-selectors'
import { selectReferenceComparison } from '../../state/reference-selectors'
import { selectOverlaps } from '../../state/selectors'
import { useAppStore, useAppStoreApi, useShallow } from '../../state/store'
import { ConflictsPanel } from './conflicts-panel'
import { DataChecksPanel } from './data-checks-panel'
import { Legend } from './legend'
import { OverlapList } from './overlap-list'
import { countNoun } from '../../../shared/format/count-noun'

/** The id of the area the open part shows in, for the buttons' aria-controls. */
const PANEL_ID = 'summary-panel'

const buttonId = (part: SummaryPart) => `summary-${part}`

/** One entry of the strip: what its button says, short, and its full words for the tooltip. */
interface StripEntry {
  readonly part: SummaryPart
  readonly label: ReactNode
  readonly title: string
}

/**
 * The strip's entries: the legend, then the count of each summary. Overlaps
 * show only when there are some (as their list always did); the data checks
 * and conflicts always show, since "nothing found" is worth telling.
 */
function useStripEntries(): ReadonlyArray<StripEntry> {
  const overlaps = useAppStore(selectOverlaps).length
  const flags = useAppStore(selectDataChecks).flags.length
  const comparison = useAppStore(selectReferenceComparison)
  const referenceStatus = useAppStore((s) => s.referenceStatus)
  const conflicts =
    referenceStatus === 'error'
      ? { label: 'Source conflicts: unreadable', count: null }
      : comparison === null
        ? { label: 'Source conflicts: …', count: null }
        : { label: null, count: comparison.conflicts.length }
  return [
    { part: 'legend', label: 'Legend', title: 'What the colours, patterns and marks mean' },
    ...(overlaps > 0
      ? [
          {
            part: 'overlaps' as const,
            label: (
              <>
                <span aria-hidden="true">⚠ </span>
                {countNoun(overlaps, 'overlap')}
              </>
            ),
            title: `${countNoun(overlaps, 'overlap')} on one port (data errors)`,
          },
        ]
      : []),
    {
      part: 'conflicts',
      label: conflicts.label ?? (
        <>
          {conflicts.count} <span className="strip-optional">source </span>
          {conflicts.count === 1 ? 'conflict' : 'conflicts'}
        </>
      ),
      title: 'Where LL2 and the reference records disagree',
    },
    {
      part: 'checks',
      label:
        flags === 0 ? (
          'Data checks: nothing found'
        ) : (
          <>
            {flags} <span className="strip-optional">data-check </span>
            {flags === 1 ? 'doubt' : 'doubts'}
          </>
        ),
      title: 'Doubts the data checks raise, by kind',
    },
  ]
}

/**
 * The legend and the overlaps, conflicts and data-checks summaries folded
 * into one line above the chart (issue #15: open, they took the rows' room at
 * 1024x700). Each entry opens its part below the strip and closes it again;
 * one part is open at a time, and which one is remembered
 * (`layout.summary-open`).
 */
export function SummaryStrip() {
  const entries = useStripEntries()
  const { open, toggle } = useAppStore(
    useShallow((s) => ({ open: s.summaryOpen, toggle: s.toggleSummary })),
  )
  return (
    <div
      className="summary-strip"
      role="group"
      aria-label="Legend and data summaries"
      onKeyDown={useCloseOnEscape()}
    >
      {entries.map((e, i) => (
        <span key={e.part} className="strip-entry">
          {i > 0 && (
            <span className="strip-dot" aria-hidden="true">
              ·
            </span>
          )}
          <button
            type="button"
            id={buttonId(e.part)}
            className={`strip-button strip-${e.part}`}
            aria-expanded={open === e.part}
            aria-controls={open === e.part ? PANEL_ID : undefined}
            title={e.title}
            onClick={() => toggle(e.part)}
          >
            {e.label}
            <span className="strip-caret" aria-hidden="true">
              {open === e.part ? '▴' : '▾'}
            </span>
          </button>
        </span>
      ))}
    </div>
  )
}

/** Escape in the strip or its open part closes the part and puts focus back on its button. */
function useCloseOnEscape(): (e: KeyboardEvent) => void {
  const appStore = useAppStoreApi()
  return (e) => {
    const { summaryOpen, setSummaryOpen } = appStore.getState()
    if (e.key !== 'Escape' || summaryOpen === 'none') return
    // Handled here: the chart's Escape (close the details) must not fire as well.
    e.preventDefault()
    e.stopPropagation()
    setSummaryOpen('none')
    document.getElementById(buttonId(summaryOpen))?.focus()
  }
}

/** The open part of the strip, below it; nothing when the strip is closed. */
export function SummaryPanel() {
  const open = useAppStore((s) => s.summaryOpen)
  const hasOverlaps = useAppStore(selectOverlaps).length > 0
  const onKeyDown = useCloseOnEscape()
  // A remembered part with nothing to show today (no overlaps left) stays shut.
  if (open === 'none' || (open === 'overlaps' && !hasOverlaps)) return null
  return (
    <div id={PANEL_ID} className="summary-panel" onKeyDown={onKeyDown}>
      {open === 'legend' ? (
        <Legend />
      ) : open === 'overlaps' ? (
        <OverlapList />
      ) : open === 'conflicts' ? (
        <ConflictsPanel />
      ) : (
        <DataChecksPanel />
      )}
    </div>
  )
}
