/**
 * The credit a reader of a figure needs: who made the data and which server
 * it came from, in one line, without the ids and field names the CSV/JSON
 * exports carry for analysts.
 */
import { LL2_CREDIT } from '../ll2/snapshot-file'
import type { DataSource } from './model'

/** The production LL2 server; any other origin a sync used is a mirror. */
const LL2_PRODUCTION_HOST = 'll.thespacedevs.com'

/**
 * The host of a server URL (`https://lldev.thespacedevs.com/2.3.0` →
 * `lldev.thespacedevs.com`); the text itself when it is not a URL.
 */
export function serverHost(url: string): string {
  try {
    const u = new URL(url)
    return u.port === '' ? u.hostname : `${u.hostname}:${u.port}`
  } catch {
    return url
  }
}

/**
 * The opening clause of a snapshot's `source` note: its credit, before the
 * technical remarks that follow a `;` or the first full stop. Initials
 * ("D. S. F. Portree") do not end a sentence: a stop does only before a
 * capitalised word.
 */
export function openingClause(note: string): string {
  const flat = note.replace(/\s+/g, ' ').trim()
  const end = /;|(?<!\b[A-Z])\.(?= [A-Z][a-z]|$)/.exec(flat)
  return (end ? flat.slice(0, end.index) : flat).trim()
}

/** What the credit is made from: what the cache holds and where it came from. */
export interface CreditParts {
  /** Counts of events by source. */
  readonly sources: Readonly<Partial<Record<DataSource, number>>>
  /** The bundled snapshot's `source` note, when a snapshot was loaded. */
  readonly snapshotNote: string | null
  /** The LL2 server of the last completed sync (base URL); null when never synced. */
  readonly ll2Server: string | null
}

/**
 * One line crediting the data for readers of a figure, e.g.
 * "Launch Library 2 by The Space Devs, from lldev.thespacedevs.com (mirror)".
 *
 * Synced records name the server they came from, and say "mirror" when it is
 * not LL2's production server, so a figure made from a mirror's stale copy
 * does not claim production data.
 */
export function dataCredit(parts: CreditParts): string {
  const out: string[] = []
  if (parts.sources.ll2) {
    const host = parts.ll2Server === null ? null : serverHost(parts.ll2Server)
    out.push(
      host === null
        ? LL2_CREDIT
        : `${LL2_CREDIT}, from ${host}${host === LL2_PRODUCTION_HOST ? '' : ' (mirror)'}`,
    )
  }
  if (parts.sources.snapshot) {
    const clause = parts.snapshotNote === null ? '' : openingClause(parts.snapshotNote)
    out.push(clause === '' ? 'bundled snapshot' : `bundled snapshot: ${clause}`)
  }
  if (parts.sources.import) out.push('imported files')
  return out.length > 0 ? out.join('; ') : 'no data'
}
