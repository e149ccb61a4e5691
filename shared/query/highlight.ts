/**
 * Where search terms occur in a piece of text, for highlighting matches.
 *
 * Uses the same case-insensitive substring rule as the search itself, so what
 * is highlighted is exactly what made an event match.
 */

/** A run of text, marked when it is part of a match. */
export interface TextSegment {
  readonly text: string
  readonly isMatch: boolean
}

/**
 * Splits text into matched and unmatched runs.
 *
 * Overlapping or touching matches of different terms merge into one run.
 * Terms are expected lower-cased (as `searchTerms` returns them). Text without
 * a match comes back as one unmatched segment.
 */
export function highlightSegments(
  text: string,
  terms: ReadonlyArray<string>,
): ReadonlyArray<TextSegment> {
  if (terms.length === 0 || text === '') return [{ text, isMatch: false }]
  const lower = text.toLowerCase()
  // Lower-casing can change length for a few scripts; then highlighting is skipped, not wrong.
  if (lower.length !== text.length) return [{ text, isMatch: false }]
  const marked = new Uint8Array(text.length)
  for (const term of terms) {
    if (term === '') continue
    for (let at = lower.indexOf(term); at >= 0; at = lower.indexOf(term, at + 1)) {
      marked.fill(1, at, at + term.length)
    }
  }
  const segments: TextSegment[] = []
  let start = 0
  for (let i = 1; i <= text.length; i++) {
    if (i === text.length || marked[i] !== marked[start]) {
      segments.push({ text: text.slice(start, i), isMatch: marked[start] === 1 })
      start = i
    }
  }
  return segments
}
