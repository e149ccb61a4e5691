/**
 * Seeded data sets for the equivalence tests: generated LL2 records through
 * the real ingest, the bundled snapshot, and a "messy" variant of generated
 * data with the errors real records carry (overlaps on a port, departures
 * before dockings, open stays, events with no port or station, respelled
 * vehicle names, coincident instants).
 */
import type { Expedition } from '../../../shared/domain/expedition'
import type { DockingEvent } from '../../../shared/domain/model'
import { DAY_MS, HOUR_MS, eventId, utcMillis, type UtcMillis } from '../../../shared/domain/units'
import { ingestExpeditions } from '../../../shared/ll2/expeditions'
import { dockingDataFrom, snapshotData } from '../../fixtures/docking-data'
import { DATASET_END, generateDataset, prng } from '../../fixtures/generate-dataset'
import { generateExpeditions } from '../../fixtures/generate-expeditions'

/** One data set: its events, expeditions, and the instant open stays run to. */
export interface EquivalenceCase {
  readonly name: string
  readonly events: ReadonlyArray<DockingEvent>
  readonly expeditions: ReadonlyArray<Expedition>
  readonly now: UtcMillis
}

function generated(seed: number, size: number): EquivalenceCase {
  const dataset = generateDataset({ events: size, seed })
  const data = dockingDataFrom(dataset.events, {
    source: 'll2',
    fetchedAt: utcMillis(DATASET_END),
    provenance: 'generated',
  })
  const ingested = ingestExpeditions(generateExpeditions(dataset))
  if (!ingested.ok) throw new Error(ingested.error)
  return {
    name: `generated, seed ${seed}, ${size} events`,
    events: data.events,
    expeditions: ingested.value.map((s) => s.expedition),
    now: utcMillis(DATASET_END),
  }
}

/** Generated data bent out of shape, seeded, so every branch of the measures is reached. */
function messy(seed: number, size: number): EquivalenceCase {
  const base = generated(seed, size)
  const rand = prng(seed * 7919)
  const pick = <T>(xs: ReadonlyArray<T>) => xs[Math.floor(rand() * xs.length)]!
  let nextId = 1_000_000
  const out: DockingEvent[] = []
  for (const e of base.events) {
    const r = rand()
    if (r < 0.05) out.push({ ...e, departure: null })
    else if (r < 0.08) out.push({ ...e, departure: utcMillis(e.docking - DAY_MS) })
    else if (r < 0.11) out.push({ ...e, portId: null, portName: null })
    else if (r < 0.13) out.push({ ...e, stationId: null, stationName: null })
    else if (r < 0.16) out.push({ ...e, vehicle: e.vehicle.replace(/ /g, '-').toUpperCase() })
    else out.push(e)
    if (rand() < 0.06) {
      // A second record on the same port overlapping this one (a data error), or a relocation.
      const shift = Math.floor(rand() * 20 * DAY_MS) - 10 * DAY_MS
      const length = Math.floor(rand() * 60 * DAY_MS)
      out.push({
        ...e,
        id: eventId(nextId++),
        docking: utcMillis(e.docking + shift),
        departure: rand() < 0.1 ? null : utcMillis(e.docking + shift + length),
      })
    }
    if (rand() < 0.03 && e.departure !== null) {
      // A relocation: the same vehicle again within the visit link gap, maybe on another port.
      const other = pick(base.events.filter((x) => x.stationId === e.stationId).slice(0, 50))
      out.push({
        ...e,
        id: eventId(nextId++),
        portId: other.portId,
        portName: other.portName,
        docking: utcMillis(e.departure + Math.floor(rand() * 20) * HOUR_MS),
        departure: utcMillis(e.departure + 30 * DAY_MS),
      })
    }
  }
  // Open expeditions and one that ends before it starts.
  const expeditions = base.expeditions.map((x, i) =>
    i % 17 === 0
      ? { ...x, end: null }
      : i % 23 === 0
        ? { ...x, end: utcMillis(x.start - DAY_MS) }
        : x,
  )
  return {
    name: `messy, seed ${seed}, ${out.length} events`,
    events: out,
    expeditions,
    now: base.now,
  }
}

function bundled(): EquivalenceCase {
  const data = snapshotData()
  return {
    name: 'bundled snapshot',
    events: data.events,
    expeditions: [],
    now: data.info.dataAsOf ?? utcMillis(Date.parse('2025-01-01T00:00:00Z')),
  }
}

/** The data sets every equivalence test runs on. */
export function equivalenceCases(): ReadonlyArray<EquivalenceCase> {
  return [bundled(), generated(7, 600), generated(42, 1200), messy(3, 600), messy(11, 900)]
}
