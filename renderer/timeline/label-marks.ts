/**
 * Marks the search terms inside the chart's bar labels, as the table marks
 * them in its cells, so a match says why it matched.
 *
 * Uses the CSS Custom Highlight API with static ranges: no element is
 * restyled or re-rendered through vis-timeline (restyling thousands of bars
 * per keystroke is what made search slow), and static ranges, unlike live
 * ones, cost nothing when vis removes bars.
 */
import { highlightSegments } from '../../shared/query/highlight'

/** The highlight's name, styled by `::highlight(dt-search)` in filters.css. */
export const SEARCH_HIGHLIGHT = 'dt-search'

/** Text runs of the drawn bar labels that match `terms`. */
function matchRanges(container: HTMLElement, terms: ReadonlyArray<string>): StaticRange[] {
  const ranges: StaticRange[] = []
  const labels = container.querySelectorAll<HTMLElement>(
    '.vis-item.vis-range[data-id]:not(.bar-run):not([data-label="none"]) .vis-item-content',
  )
  for (const label of labels) {
    const text = label.firstChild
    if (!(text instanceof Text)) continue
    let at = 0
    for (const s of highlightSegments(text.data, terms)) {
      if (s.isMatch)
        ranges.push(
          new StaticRange({
            startContainer: text,
            startOffset: at,
            endContainer: text,
            endOffset: at + s.text.length,
          }),
        )
      at += s.text.length
    }
  }
  return ranges
}

/** Marks `terms` in the labels drawn in `container`; no terms clears the marks. */
export function markLabels(container: HTMLElement, terms: ReadonlyArray<string>): void {
  // Not in every engine (and not in jsdom): without it the bars keep their outline only.
  if (typeof CSS === 'undefined' || !('highlights' in CSS)) return
  if (terms.length === 0) {
    CSS.highlights.delete(SEARCH_HIGHLIGHT)
    return
  }
  CSS.highlights.set(SEARCH_HIGHLIGHT, new Highlight(...matchRanges(container, terms)))
}
