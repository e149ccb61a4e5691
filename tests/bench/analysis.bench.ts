/**
 * Analysis benchmarks for issue #14: every measure over 10,000 generated
 * events. Prints p50/p95 against the 50 ms target; asserts nothing about time.
 *
 *   node --import tsx tests/bench/analysis.bench.ts
 */
import { crewedPeriods } from '../../shared/analysis/crewed-periods'
import { endAtNow } from '../../shared/analysis/effective-end'
import {
  occupancyByStation,
  occupancySeries,
  peakOccupancy,
} from '../../shared/analysis/occupancy-series'
import { portTotals, portUtilisation } from '../../shared/analysis/port-utilisation'
import { compareStations } from '../../shared/analysis/station-comparison'
import { staysBy, staysOf, vehicleTotals } from '../../shared/analysis/stays'
import { arrivalsPerYear } from '../../shared/analysis/traffic'
import { ingestExpeditions } from '../../shared/ll2/expeditions'
import { reviewExpeditions } from '../../shared/quality/expedition-checks'
import { utcMillis } from '../../shared/domain/units'
import { dockingDataFrom } from '../fixtures/docking-data'
import { DATASET_END, generateDataset } from '../fixtures/generate-dataset'
import { generateExpeditions } from '../fixtures/generate-expeditions'

const dataset = generateDataset({ events: 10_000, seed: 42 })
const data = dockingDataFrom(dataset.events, {
  source: 'll2',
  fetchedAt: utcMillis(DATASET_END),
  provenance: 'generated',
})
const ingested = ingestExpeditions(generateExpeditions(dataset))
if (!ingested.ok) throw new Error(ingested.error)
const expeditions = ingested.value.map((s) => s.expedition)
const endOf = endAtNow(utcMillis(DATASET_END))

type Events = ReadonlyArray<(typeof data.events)[number]>
const to = utcMillis(DATASET_END)

/** Every measure the Analysis view shows, by name; each returns a count so none is optimised away. */
const MEASURES: ReadonlyArray<readonly [string, (events: Events) => number]> = [
  ['expedition checks', (ev) => reviewExpeditions(expeditions, data.stations, ev).accepted.length],
  [
    'occupancy per station + peak',
    (ev) => occupancyByStation(ev, { endOf }).reduce((n, s) => n + peakOccupancy(s).count, 0),
  ],
  [
    'occupancy all, by family',
    (ev) => occupancySeries(ev, { endOf, stackBy: 'family' }).steps.length,
  ],
  ['port utilisation per year', (ev) => portUtilisation(ev, { endOf }).length],
  ['port totals', (ev) => portTotals(ev, { endOf }).length],
  [
    'stays by visit, per family and decade',
    (ev) => {
      const visits = staysOf(ev, 'visit')
      return staysBy(visits, 'family').length + staysBy(visits, 'decade').length
    },
  ],
  ['stays by docking, per family', (ev) => staysBy(staysOf(ev, 'docking'), 'family').length],
  ['vehicle totals', (ev) => vehicleTotals(ev, endOf).length],
  [
    'traffic by family and role',
    (ev) => arrivalsPerYear(ev, 'family').length + arrivalsPerYear(ev, 'role').length,
  ],
  [
    'crewed periods and gaps',
    (ev) =>
      data.stations.reduce((n, s) => {
        const from = ev.find((e) => e.stationId === s.id)?.docking
        return from === undefined
          ? n
          : n + crewedPeriods(s.id, expeditions, ev, { endOf, from, to }).gaps.length
      }, 0),
  ],
  [
    'station comparison',
    (ev) =>
      compareStations(
        data.stations.map((s) => ({
          stationId: s.id,
          name: s.name,
          founded: ev.find((e) => e.stationId === s.id)?.docking ?? utcMillis(0),
        })),
        ev,
        endOf,
      ).length,
  ],
]

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!
const RUNS = 30
const totals: number[] = []
const each = MEASURES.map(() => [] as number[])
let check = 0
for (let run = -3; run < RUNS; run++) {
  // A fresh array per run, as a new query result is: nothing is remembered between runs.
  const events = [...data.events]
  const start = performance.now()
  MEASURES.forEach(([, f], i) => {
    const t0 = performance.now()
    check += f(events)
    if (run >= 0) each[i]!.push(performance.now() - t0)
  })
  if (run >= 0) totals.push(performance.now() - start)
}
const fmt = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b)
  return `p50 ${percentile(sorted, 0.5).toFixed(1)} ms, p95 ${percentile(sorted, 0.95).toFixed(1)} ms`
}
console.log(
  `all analysis measures over ${data.events.length.toLocaleString('en')} events, ${expeditions.length} expeditions, ${data.stations.length} stations (${RUNS} runs after 3 warm-ups):`,
)
const p95 = percentile(
  [...totals].sort((a, b) => a - b),
  0.95,
)
console.log(
  `  all: ${fmt(totals)} (target < 50 ms; p95 is ${((p95 / 50) * 100).toFixed(0)} % of target)`,
)
MEASURES.forEach(([label], i) => console.log(`  ${label}: ${fmt(each[i]!)}`))
if (check === 0) throw new Error('the measures produced nothing')
