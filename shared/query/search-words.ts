/**
 * The app's default search: words that start words, phrases in quotes, dates.
 *
 * LL2's search (`search.ts`) matches any substring, so "soyuz t" finds every
 * Soyuz at Salyut (the "t" inside "Salyut", "aft") and "Progress 1" finds
 * Progress 10–19 and Cosmos 1669. Here a search is split into terms, and a
 * term matches where a word *starts* with it: "soyuz t" finds Soyuz T-5, TM-2
 * and TMA-1, not Soyuz 26 at "Salyut-6 aft". Text in double quotes is an exact
 * phrase of whole words ("Progress 1" is Progress 1 only). A hyphen joins words
 * into a run that must occur in that order in one name ("soyuz-t" finds
 * "Soyuz T-5" and "Soyuz-T 5"). A year, year-month or date (`1982`,
 * `1982-05`, `1982-05-17`) also matches dockings and departures on that date.
 */

/** One term of a words search; all terms must match. */
export interface SearchTerm {
  /** The term as typed, for messages. */
  readonly text: string
  /** Normalised words that must occur in this order, adjacent, in one name. */
  readonly words: ReadonlyArray<string>
  /** Whole words only (a quoted phrase); else each word matches the start of a word. */
  readonly exact: boolean
  /** An ISO date prefix (`1982`, `1982-05`, `1982-05-17`) the term also matches, or null. */
  readonly date: string | null
}

// Letters and digits of any script; everything else separates words.
const WORD = /[\p{L}\p{N}]+/gu
const MARKS = /\p{M}/gu
const DATE = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/

/**
 * Lower-cases text and drops accents, so "Saljut" and "Sàljut" are one word.
 *
 * NFKD splits an accented letter into the letter and a combining mark; the
 * marks are removed.
 */
export function normalizeText(text: string): string {
  return text.normalize('NFKD').replace(MARKS, '').toLowerCase()
}

/** The normalised words of a text, in order. */
export function wordsOf(text: string): string[] {
  return normalizeText(text).match(WORD) ?? []
}

function dateOf(chunk: string): string | null {
  const m = DATE.exec(chunk)
  if (!m) return null
  const pad = (s: string | undefined) => (s === undefined ? '' : `-${s.padStart(2, '0')}`)
  return `${m[1]}${pad(m[2])}${pad(m[3])}`
}

/**
 * Splits a words search into terms.
 *
 * Quoted text (straight or curly quotes; an unclosed quote runs to the end, so
 * a phrase being typed already counts) is one exact term; the rest splits on
 * spaces and commas, each piece one term. Pieces with no letter or digit are
 * dropped, so a blank search has no terms and matches everything.
 */
export function parseWordsSearch(search: string): ReadonlyArray<SearchTerm> {
  const terms: SearchTerm[] = []
  const quoted = /["“”]([^"“”]*)(?:["“”]|$)/g
  let rest = ''
  let at = 0
  for (let m = quoted.exec(search); m !== null; m = quoted.exec(search)) {
    rest += ` ${search.slice(at, m.index)}`
    at = m.index + m[0].length
    const words = wordsOf(m[1] ?? '')
    if (words.length > 0) terms.push({ text: `"${m[1]}"`, words, exact: true, date: null })
  }
  rest += ` ${search.slice(at)}`
  for (const chunk of rest.split(/[\s,]+/)) {
    const words = wordsOf(chunk)
    if (words.length > 0) terms.push({ text: chunk, words, exact: false, date: dateOf(chunk) })
  }
  return terms
}

/**
 * Does a word of the text match a word of a term?
 *
 * Exact terms need the whole word; others need the word to start with it.
 */
export function wordMatches(textWord: string, termWord: string, exact: boolean): boolean {
  return exact ? textWord === termWord : textWord.startsWith(termWord)
}

/** Does the run of a term's words occur, adjacent and in order, in one name's words? */
export function runOccursIn(words: ReadonlyArray<string>, term: SearchTerm): boolean {
  const run = term.words
  for (let i = 0; i + run.length <= words.length; i++) {
    let all = true
    for (let j = 0; all && j < run.length; j++)
      all = wordMatches(words[i + j]!, run[j]!, term.exact)
    if (all) return true
  }
  return false
}

/** The plain words of every term, for highlighting. */
export function highlightWords(terms: ReadonlyArray<SearchTerm>): ReadonlyArray<string> {
  return [...new Set(terms.flatMap((t) => t.words))]
}
