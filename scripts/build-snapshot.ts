/**
 * Builds the bundled snapshot (assets/snapshot/ll2-snapshot.json) from the
 * real LL2 records in assets/snapshot/sources/.
 *
 * Byte-for-byte reproducible: no clock, no randomness, records in id order,
 * one JSON layout. `--out DIR` writes elsewhere (the build's test compares).
 * Prints what the snapshot holds, and every record it could not place.
 */
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { utcMillis } from '../shared/domain/units'
import {
  LL2_CREDIT,
  readSnapshotBody,
  SNAPSHOT_FORMAT,
  summarize,
  type SnapshotBody,
} from '../shared/ll2/snapshot-file'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const SOURCES = path.join(ROOT, 'assets/snapshot/sources')
/** The snapshot's file name, beside its sources. */
export const SNAPSHOT_NAME = 'll2-snapshot.json'

type Json = Record<string, unknown>

const readJson = (name: string): unknown =>
  JSON.parse(fs.readFileSync(path.join(SOURCES, name), 'utf8')) as unknown

/** One record per LL2 id: the merged file's, checked for duplicates. */
function eventRecords(): Json[] {
  const merged = readJson('ll2-docking-events.merged.json')
  if (!Array.isArray(merged)) throw new Error('ll2-docking-events.merged.json: expected an array')
  const byId = new Map<number, Json>()
  for (const r of merged as Json[]) {
    const id = r.id
    if (typeof id !== 'number') throw new Error('a merged record has no numeric id')
    if (byId.has(id)) throw new Error(`LL2 id ${id} appears twice in the merged records`)
    byId.set(id, r)
  }
  return [...byId.values()].sort((a, b) => Number(a.id) - Number(b.id))
}

function stationRecords(): Json[] {
  const stations = readJson('ll2-space-stations.2.3.0.json')
  if (!Array.isArray(stations)) throw new Error('ll2-space-stations.2.3.0.json: expected an array')
  return [...(stations as Json[])].sort((a, b) => Number(a.id) - Number(b.id))
}

/** The snapshot's text. */
export function buildSnapshotText(): { text: string; body: SnapshotBody } {
  const space_stations = stationRecords()
  const docking_events = eventRecords()
  const draft = {
    format: SNAPSHOT_FORMAT,
    credit: LL2_CREDIT,
    source: '',
    summary: {
      events: 0,
      stations: 0,
      ports: 0,
      eventsByStation: {},
      eventsByApiVersion: {},
      unplaced: [],
    },
    space_stations,
    docking_events,
  } satisfies SnapshotBody
  // Placed with the app's own reader, so the summary is what the app will show.
  const summary = summarize(readSnapshotBody(draft, SNAPSHOT_NAME, utcMillis(0)))
  const versions = Object.keys(summary.eventsByApiVersion).join(', ')
  const body: SnapshotBody = {
    ...draft,
    source:
      `${LL2_CREDIT}: ${summary.events} real docking event records (LL2 ${versions}) and ` +
      `${space_stations.length} LL2 2.3.0 space station records, captured from the API by others ` +
      `between 2021 and 2026 and published on GitHub; each record names its capture ` +
      `(assets/snapshot/sources/README.md).`,
    summary,
  }
  return { text: `${JSON.stringify(body, null, 1)}\n`, body }
}

function main(argv: ReadonlyArray<string>): void {
  const i = argv.indexOf('--out')
  const dir =
    i >= 0 && argv[i + 1] ? path.resolve(argv[i + 1] as string) : path.join(ROOT, 'assets/snapshot')
  const { text, body } = buildSnapshotText()
  fs.mkdirSync(dir, { recursive: true })
  const file = path.join(dir, SNAPSHOT_NAME)
  fs.writeFileSync(file, text)
  const s = body.summary
  process.stdout.write(
    `Wrote ${path.relative(process.cwd(), file)}: ${s.events} events, ${s.stations} stations, ${s.ports} ports.\n` +
      Object.entries(s.eventsByStation)
        .map(([name, n]) => `  ${name}: ${n}\n`)
        .join('') +
      `By LL2 version: ${Object.entries(s.eventsByApiVersion)
        .map(([v, n]) => `${v} ${n}`)
        .join(', ')}.\n` +
      (s.unplaced.length
        ? `Unplaced (${s.unplaced.length}):\n${s.unplaced.map((u) => `  ${u}\n`).join('')}`
        : 'Unplaced: none.\n'),
  )
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2))
}
