/**
 * Where the cached events came from, counted, in words: the status bar's
 * one line, the "Data sources" dialog and the cache's provenance sentence
 * share these names.
 */
import type { DataSource } from './model'
import { countNoun } from '../format/count-noun'

/** A source's name as readers see it. */
export const SOURCE_LABELS: Readonly<Record<DataSource, string>> = {
  ll2: 'Launch Library 2 by The Space Devs',
  snapshot: 'bundled snapshot',
  import: 'imported files',
}

/** Sources in the order they are listed: LL2 first, as the app's own source. */
const ORDER: ReadonlyArray<DataSource> = ['ll2', 'snapshot', 'import']

/** One phrase per source that has events, e.g. "bundled snapshot (64 events)". */
export function sourceCountParts(
  sources: Readonly<Partial<Record<DataSource, number>>>,
): ReadonlyArray<{ readonly source: DataSource; readonly text: string }> {
  return ORDER.filter((s) => (sources[s] ?? 0) > 0).map((source) => {
    const n = sources[source]!
    return { source, text: `${SOURCE_LABELS[source]} (${countNoun(n, 'event')})` }
  })
}

/** The sources in one line, e.g. "Launch Library 2 by The Space Devs (100 events); bundled snapshot (64 events)". */
export function sourceSummary(sources: Readonly<Partial<Record<DataSource, number>>>): string {
  const parts = sourceCountParts(sources)
  return parts.length ? parts.map((p) => p.text).join('; ') : 'no data'
}
