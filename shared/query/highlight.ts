/**
 * Where search terms occur in a piece of text, for highlighting matches.
 *
 * Uses the same rule as the search itself, so what is highlighted is exactly
 * what made an event match: a plain term marks every case-insensitive
 * substring (LL2's search); a term made by `atWordStart` marks only where a
 * word starts with it (the words search), so "t" marks the T of "Soyuz T-5"
 * and not the one in "Salyut". Terms stay strings so every consumer (table,
 * chart labels, exports) passes them through unchanged.
 */
import type { Query } from './query'
import { searchTerms } from './search'
import { highlightWords, normalizeText, parseWordsSearch } from './search-words'

// Never typed (searches split on it and control characters are no words), so it cannot clash.
const WORD_START = '\u0001'

/** A highlight term that marks only word starts. */
export function atWordStart(word: string): string {
  return `${WORD_START}${word}`
}

/** The terms to highlight for a query's search, as its mode matches them; none for no search. */
export function highlightTerms(query: Pick<Query, 'search' | 'searchMode'>): ReadonlyArray<string> {
  return query.searchMode === 'words'
    ? highlightWords(parseWordsSearch(query.search)).map(atWordStart)
    : searchTerms(query.search)
}

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
  const starts = terms.filter((t) => t.startsWith(WORD_START)).map((t) => t.slice(1))
  for (const term of terms) {
    if (term === '' || term.startsWith(WORD_START)) continue
    for (let at = lower.indexOf(term); at >= 0; at = lower.indexOf(term, at + 1)) {
      marked.fill(1, at, at + term.length)
    }
  }
  if (starts.length > 0) markWordStarts(text, starts, marked)
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

// Marks the start of each word of `text` that begins with one of `words` (normalised).
function markWordStarts(text: string, words: ReadonlyArray<string>, marked: Uint8Array): void {
  for (const m of text.matchAll(/[\p{L}\p{N}]+/gu)) {
    const word = normalizeText(m[0])
    let longest = 0
    for (const w of words) if (w.length > longest && word.startsWith(w)) longest = w.length
    // Normalising can shorten a word (a dropped accent); never mark past its end.
    if (longest > 0) marked.fill(1, m.index, m.index + Math.min(longest, m[0].length))
  }
}
