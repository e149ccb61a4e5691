/**
 * A word index over one list of events, so a keystroke costs a lookup, not a scan.
 *
 * Built once per events array (kept in a WeakMap, dropped with the array):
 * every event's names, dates, notes and sources split into normalised words,
 * and each tier's sorted vocabulary with, per word, the events that use it. A
 * term starting words is then a binary search and a union of posting lists;
 * a term's answer is kept, so typing "progress ms-1" looks up "progress" once.
 *
 * Two tiers, so the notes cannot drown the names. Notes mention other
 * vehicles ("Progress 12 … the Soyuz-T crew"): a term found in any event's
 * names or dates matches names and dates only; a term no name or date has
 * ("wikisource", "RP-1357") is looked up in notes and sources as well.
 */
import type { DockingEvent } from '../domain/model'
import { runOccursIn, wordsOf, type SearchTerm } from './search-words'

/** A set of events by their index in the indexed array. */
type Mask = Uint8Array

interface Tier {
  /** Per event, the words of each of its fields. */
  readonly fields: ReadonlyArray<ReadonlyArray<ReadonlyArray<string>>>
  /** Every word, sorted by code unit, so words sharing a prefix are adjacent. */
  readonly vocabulary: ReadonlyArray<string>
  /** Per vocabulary word, the indexes of the events using it, ascending. */
  readonly postings: ReadonlyArray<ReadonlyArray<number>>
}

/** The search index of one events array. */
export interface SearchIndex {
  readonly size: number
  readonly names: Tier
  readonly text: Tier
  /** Per event, its docking and departure dates (`YYYY-MM-DD`, UTC); departure '' when none. */
  readonly dates: ReadonlyArray<readonly [string, string]>
  /** Each term's matches, by term key; cleared when it grows past `TERM_CACHE`. */
  readonly terms: Map<string, Mask>
  /** Keys of cached terms that no name or date has, so notes and sources were searched. */
  readonly textOnly: Set<string>
}

const TERM_CACHE = 256
const indexes = new WeakMap<ReadonlyArray<DockingEvent>, SearchIndex>()

/** The words of the fields a reader calls the event's names. */
function nameFields(e: DockingEvent): string[][] {
  const n = e.searchNames
  const fields = [
    e.vehicle,
    e.stationName,
    e.portName,
    e.configuration,
    e.agency,
    n.port,
    n.chaserSpacecraft,
    n.targetSpacecraft,
    n.chaserPayload,
    n.targetPayload,
    n.chaserStation,
    n.targetStation,
  ]
  return fields.filter((f): f is string => !!f).map(wordsOf)
}

/**
 * The words of the notes, sources and technical designations: a compiled
 * record's notes, cited sources and spacecraft type ("Soyuz 7K-T"), where a
 * captured LL2 record was found (its `x_source`, "colbad2/LaunchList@…"), and
 * the vehicle's serial ("Soyuz 7K-T/A9 11F615A9 #62"), whose "T" a reader
 * typing "soyuz t" does not mean.
 */
function textFields(e: DockingEvent): string[][] {
  const p = e.provenance
  const fields = [e.origin?.xSource, e.serial, p?.notes, p?.spacecraftType, ...(p?.sources ?? [])]
  return fields.filter((f): f is string => !!f).map(wordsOf)
}

function buildTier(fields: string[][][]): Tier {
  const byWord = new Map<string, number[]>()
  fields.forEach((eventFields, i) => {
    for (const words of eventFields)
      for (const w of words) {
        const list = byWord.get(w)
        if (!list) byWord.set(w, [i])
        else if (list[list.length - 1] !== i) list.push(i)
      }
  })
  const vocabulary = [...byWord.keys()].sort()
  return { fields, vocabulary, postings: vocabulary.map((w) => byWord.get(w)!) }
}

const isoDate = (t: number): string => new Date(t).toISOString().slice(0, 10)

/** The index of an events array, built on first use. */
export function searchIndexOf(events: ReadonlyArray<DockingEvent>): SearchIndex {
  let index = indexes.get(events)
  if (!index) {
    index = {
      size: events.length,
      names: buildTier(events.map(nameFields)),
      text: buildTier(events.map(textFields)),
      dates: events.map((e) => [
        isoDate(e.docking),
        e.departure === null ? '' : isoDate(e.departure),
      ]),
      terms: new Map(),
      textOnly: new Set(),
    }
    indexes.set(events, index)
  }
  return index
}

// First vocabulary position not sorting before `word`.
function lowerBound(vocabulary: ReadonlyArray<string>, word: string): number {
  let lo = 0
  let hi = vocabulary.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (vocabulary[mid]! < word) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** Marks the events with a word equal to (exact) or starting with `word`. */
function markWord(tier: Tier, word: string, exact: boolean, into: Mask): void {
  const { vocabulary, postings } = tier
  for (let k = lowerBound(vocabulary, word); k < vocabulary.length; k++) {
    const w = vocabulary[k]!
    if (exact ? w !== word : !w.startsWith(word)) break
    for (const i of postings[k]!) into[i] = 1
  }
}

/** The events where the term occurs in the given tiers' fields (or on its date). */
function termIn(index: SearchIndex, term: SearchTerm, tiers: ReadonlyArray<Tier>): Mask {
  const candidates = new Uint8Array(index.size)
  term.words.forEach((word, j) => {
    const mask = new Uint8Array(index.size)
    for (const tier of tiers) markWord(tier, word, term.exact, mask)
    if (j === 0) candidates.set(mask)
    else for (let i = 0; i < mask.length; i++) candidates[i]! &= mask[i]!
  })
  // Every word is somewhere in the event; a run of several must be adjacent in one field.
  if (term.words.length > 1) {
    for (let i = 0; i < candidates.length; i++) {
      if (candidates[i] && !tiers.some((t) => t.fields[i]!.some((f) => runOccursIn(f, term))))
        candidates[i] = 0
    }
  }
  if (term.date !== null) {
    const d = term.date
    index.dates.forEach(([docking, departure], i) => {
      if (docking.startsWith(d) || (departure !== '' && departure.startsWith(d))) candidates[i] = 1
    })
  }
  return candidates
}

const isEmpty = (mask: Mask): boolean => mask.every((b) => b === 0)

const keyOf = (term: SearchTerm): string =>
  `${term.exact ? '=' : '~'}${term.words.join(' ')}|${term.date ?? ''}`

/** The events one term matches: in names and dates, else in notes and sources too. */
function termMask(index: SearchIndex, term: SearchTerm): Mask {
  const key = keyOf(term)
  let mask = index.terms.get(key)
  if (!mask) {
    const names = termIn(index, term, [index.names])
    const textOnly = isEmpty(names)
    mask = textOnly ? termIn(index, term, [index.names, index.text]) : names
    if (index.terms.size >= TERM_CACHE) {
      index.terms.clear()
      index.textOnly.clear()
    }
    index.terms.set(key, mask)
    if (textOnly) index.textOnly.add(key)
  }
  return mask
}

/**
 * The events of `events` matching every term, as a mask by index; null for no terms.
 *
 * The answer is shared with later calls: treat it as read-only.
 */
export function wordsSearchMask(
  events: ReadonlyArray<DockingEvent>,
  terms: ReadonlyArray<SearchTerm>,
): Uint8Array | null {
  if (terms.length === 0) return null
  const index = searchIndexOf(events)
  const masks = terms.map((t) => termMask(index, t))
  if (masks.length === 1) return masks[0]!
  const all = new Uint8Array(masks[0]!)
  for (const m of masks.slice(1)) for (let i = 0; i < all.length; i++) all[i]! &= m[i]!
  return all
}

/**
 * Which terms had to be looked up in notes and sources, for the help text.
 *
 * Those terms appear in no event's names or dates.
 */
export function termsOnlyInText(
  events: ReadonlyArray<DockingEvent>,
  terms: ReadonlyArray<SearchTerm>,
): ReadonlyArray<SearchTerm> {
  const index = searchIndexOf(events)
  return terms.filter((t) => {
    termMask(index, t)
    return index.textOnly.has(keyOf(t))
  })
}
