/**
 * Analysis benchmarks for issue #14: every measure over 10,000 generated
 * events. Prints p50/p95 per measure and in total against the 50 ms target;
 * asserts nothing about time.
 *
 *   node --import tsx tests/bench/analysis.bench.ts
 *   BENCH_BASELINE=main node --import tsx tests/bench/analysis.bench.ts
 *
 * With BENCH_BASELINE (any git revision), that revision's shared/ is checked
 * out under .cache/ and its measures run in the same process, interleaved
 * round by round with this tree's, so a loaded machine slows both alike and
 * the ratios stay meaningful.
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { constants, PerformanceObserver, type PerformanceEntry } from 'node:perf_hooks'

import type { DockingEvent } from '../../shared/domain/model'
import { utcMillis } from '../../shared/domain/units'
import { dockingDataFrom } from '../fixtures/docking-data'
import { DATASET_END, generateDataset } from '../fixtures/generate-dataset'
import { generateExpeditions } from '../fixtures/generate-expeditions'

const TARGET_MS = 50
const RUNS = Number(process.env.BENCH_RUNS ?? 30)
const WARMUPS = 3

/** The analysis modules a tree provides, loaded from its root. */
async function loadTree(root: string) {
  const mod = (p: string) => import(pathToFileURL(path.join(root, 'shared', p)).href)
  return {
    crewed: await mod('analysis/crewed-periods.ts'),
    end: await mod('analysis/effective-end.ts'),
    // Absent in trees from before the end facts (then every open stay runs to now).
    endFacts: await mod('occupancy/end-facts.ts').catch(() => null),
    occupancy: await mod('analysis/occupancy-series.ts'),
    ports: await mod('analysis/port-utilisation.ts'),
    comparison: await mod('analysis/station-comparison.ts'),
    stays: await mod('analysis/stays.ts'),
    traffic: await mod('analysis/traffic.ts'),
    model: await mod('analysis-view/analysis-model.ts'),
    expeditions: await mod('ll2/expeditions.ts'),
    checks: await mod('quality/expedition-checks.ts'),
  }
}
type Tree = Awaited<ReturnType<typeof loadTree>>

/** A revision's shared/ extracted under .cache/ (inside the repo, so `zod` resolves). */
function baselineRoot(rev: string): string {
  const sha = execFileSync('git', ['rev-parse', '--short', rev], { encoding: 'utf8' }).trim()
  const root = path.resolve('.cache/bench-baseline', sha)
  if (!fs.existsSync(path.join(root, 'shared'))) {
    fs.mkdirSync(root, { recursive: true })
    const tar = execFileSync('git', ['archive', sha, 'shared'])
    execFileSync('tar', ['-x', '-C', root], { input: tar })
  }
  return root
}

const dataset = generateDataset({ events: 10_000, seed: 42 })
const data = dockingDataFrom(dataset.events, {
  source: 'll2',
  fetchedAt: utcMillis(DATASET_END),
  provenance: 'generated',
})
const expeditionRecords = generateExpeditions(dataset)
const to = utcMillis(DATASET_END)

type Events = ReadonlyArray<DockingEvent>
type Measure = readonly [string, (events: Events) => number]

/** Every measure the Analysis view shows, by name; each returns a count so none is optimised away. */
function measuresOf(t: Tree): ReadonlyArray<Measure> {
  const ingested = t.expeditions.ingestExpeditions(expeditionRecords)
  if (!ingested.ok) throw new Error(ingested.error)
  const expeditions = ingested.value.map((s: { expedition: unknown }) => s.expedition)
  // The app's end rule: the end facts of all the data, where the tree has them.
  const endOf = t.endFacts
    ? t.end.endAtNow(to, t.endFacts.endFacts(data.events, data.stations))
    : t.end.endAtNow(to)
  const { occupancyByStation, occupancySeries, peakOccupancy, stepColumns } = t.occupancy
  const { staysBy, vehicleTotals } = t.stays
  // The stays as the view sums them up: columns, or (in a baseline from before them) records.
  const staysOf = t.stays.stayColumns ?? t.stays.staysOf
  const stationStart = (ev: Events, id: number) => ev.find((e) => e.stationId === id)?.docking
  return [
    [
      'expedition checks',
      (ev) => t.checks.reviewExpeditions(expeditions, data.stations, ev).accepted.length,
    ],
    [
      'occupancy per station + peak',
      (ev) =>
        occupancyByStation(ev, { endOf }).reduce(
          (n: number, s: unknown) => n + peakOccupancy(s).count,
          0,
        ),
    ],
    [
      'occupancy all, by family',
      (ev) => stepColumns(occupancySeries(ev, { endOf, stackBy: 'family' })).length,
    ],
    ['port utilisation per year', (ev) => t.ports.portUtilisation(ev, { endOf }).length],
    ['port totals', (ev) => t.ports.portTotals(ev, { endOf }).length],
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
      (ev) =>
        t.traffic.arrivalsPerYear(ev, 'family').length +
        t.traffic.arrivalsPerYear(ev, 'role').length,
    ],
    [
      'crewed periods and gaps',
      (ev) =>
        data.stations.reduce((n, s) => {
          const from = stationStart(ev, s.id)
          return from === undefined
            ? n
            : n + t.crewed.crewedPeriods(s.id, expeditions, ev, { endOf, from, to }).gaps.length
        }, 0),
    ],
    [
      'station comparison',
      (ev) =>
        t.comparison.compareStations(
          data.stations.map((s) => ({
            stationId: s.id,
            name: s.name,
            founded: stationStart(ev, s.id) ?? utcMillis(0),
          })),
          ev,
          endOf,
        ).length,
    ],
  ]
}

/** The Analysis view's whole model (what the view computes on a query change). */
const modelMeasure = (t: Tree): Measure => [
  'analysis view model (all sections)',
  (ev) => t.model.analysisModel(ev, to).eventCount,
]

interface Timings {
  readonly total: number[]
  /** Process CPU time of the whole set: less swayed than wall time by other work on the machine. */
  readonly totalCpu: number[]
  readonly each: number[][]
  readonly model: number[]
  /** Each timed run's [start, end], to tell which garbage collections fell in it. */
  readonly spans: [number, number][]
}

const cpuMs = (since: NodeJS.CpuUsage) => {
  const d = process.cpuUsage(since)
  return (d.user + d.system) / 1000
}

function runOnce(measures: ReadonlyArray<Measure>, model: Measure, into: Timings | null): number {
  // A fresh array per run, as a new query result is: nothing is remembered between runs.
  let check = 0
  let events = [...data.events]
  const start = performance.now()
  const cpu = process.cpuUsage()
  measures.forEach(([, f], i) => {
    const t0 = performance.now()
    check += f(events)
    into?.each[i]!.push(performance.now() - t0)
  })
  into?.total.push(performance.now() - start)
  into?.totalCpu.push(cpuMs(cpu))
  events = [...data.events]
  const t0 = performance.now()
  check += model[1](events)
  into?.model.push(performance.now() - t0)
  into?.spans.push([start, performance.now()])
  return check
}

const pct = (xs: ReadonlyArray<number>, p: number) => {
  const sorted = [...xs].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!
}
const ms = (x: number) => `${x.toFixed(1)} ms`.padStart(9)
const cell = (xs: ReadonlyArray<number>) => `p50 ${ms(pct(xs, 0.5))}, p95 ${ms(pct(xs, 0.95))}`

async function main() {
  const rev = process.env.BENCH_BASELINE
  const trees: { name: string; tree: Tree }[] = [
    { name: 'this tree', tree: await loadTree(path.resolve('.')) },
  ]
  if (rev) trees.push({ name: rev, tree: await loadTree(baselineRoot(rev)) })
  const runs = trees.map(({ tree }) => ({
    measures: measuresOf(tree),
    model: modelMeasure(tree),
    timings: {
      total: [],
      totalCpu: [],
      each: measuresOf(tree).map(() => []),
      model: [],
      spans: [],
    } as Timings,
  }))
  // Garbage collections, to say how many fell inside the timed runs: the
  // full (mark-compact) ones are what reach the p95.
  const collections: PerformanceEntry[] = []
  const observer = new PerformanceObserver((list) => collections.push(...list.getEntries()))
  observer.observe({ entryTypes: ['gc'] })
  let check = 0
  for (let run = -WARMUPS; run < RUNS; run++) {
    // Alternate which tree goes first, so neither always follows the other's garbage.
    const order = run % 2 === 0 ? runs : [...runs].reverse()
    for (const r of order) check += runOnce(r.measures, r.model, run >= 0 ? r.timings : null)
  }
  if (check === 0) throw new Error('the measures produced nothing')
  // Entries arrive after the collection, on a later turn of the event loop.
  await new Promise((resolve) => setTimeout(resolve, 50))
  observer.disconnect()

  console.log(
    `all analysis measures over ${data.events.length.toLocaleString('en')} events, ${data.stations.length} stations (${RUNS} runs after ${WARMUPS} warm-ups; target < ${TARGET_MS} ms)`,
  )
  const [now, base] = runs
  const ratio = (a: ReadonlyArray<number>, b: ReadonlyArray<number>) =>
    `  ${(pct(b, 0.5) / pct(a, 0.5)).toFixed(1)}x faster (p50 ${pct(b, 0.5).toFixed(1)} → ${pct(a, 0.5).toFixed(1)} ms)`
  const line = (label: string, a: ReadonlyArray<number>, b: ReadonlyArray<number> | undefined) =>
    console.log(`  ${label.padEnd(40)} ${cell(a)}${b ? ratio(a, b) : ''}`)
  if (base) console.log(`  (ratios: ${rev} → this tree, same process, interleaved)`)
  const p95 = pct(now!.timings.total, 0.95)
  line('ALL MEASURES', now!.timings.total, base?.timings.total)
  line('ALL MEASURES, process CPU time', now!.timings.totalCpu, base?.timings.totalCpu)
  console.log(
    `  ${''.padEnd(40)} p95 is ${((p95 / TARGET_MS) * 100).toFixed(0)} % of the ${TARGET_MS} ms target: ${p95 < TARGET_MS ? 'met' : 'NOT met'}`,
  )
  now!.measures.forEach(([label], i) => line(label, now!.timings.each[i]!, base?.timings.each[i]))
  line(now!.model[0], now!.timings.model, base?.timings.model)
  const isFull = (c: PerformanceEntry) =>
    (c as PerformanceEntry & { detail?: { kind?: number } }).detail?.kind ===
    constants.NODE_PERFORMANCE_GC_MAJOR
  const sum = (xs: PerformanceEntry[]) => xs.reduce((n, c) => n + c.duration, 0).toFixed(0)
  for (const [i, r] of runs.entries()) {
    const inside = collections.filter((c) =>
      r.timings.spans.some(([a, b]) => c.startTime >= a && c.startTime < b),
    )
    const full = inside.filter(isFull)
    const minor = inside.filter((c) => !isFull(c))
    console.log(
      `  GC inside ${trees[i]!.name}'s ${RUNS} timed runs: ${full.length} full (${sum(full)} ms), ${minor.length} minor (${sum(minor)} ms)`,
    )
  }
}

await main()
