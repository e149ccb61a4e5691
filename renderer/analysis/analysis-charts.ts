/**
 * The Analysis view's charts as Observable Plot specifications, one per
 * measure, each with where a click on one of its marks moves the timeline.
 *
 * The same function draws the screen's chart and the exported one (at the
 * export's theme), so a figure is what the screen shows.
 */
import * as Plot from '@observablehq/plot'

import { stepColumns } from '../../shared/analysis/occupancy-series'
import { lifeBasisText, type AnalysisModel } from '../../shared/analysis-view/analysis-model'
import { familyColour, ROLE_STYLES, shade, type ThemeName } from '../../shared/chart/style'
import type { Reveal } from '../../shared/chart/reveal'
import { windowAround, type TimeWindow } from '../../shared/chart/window'
import { EXPORT_PALETTES } from '../../shared/export/export-palette'
import type { VehicleFamily, VehicleRole } from '../../shared/domain/model'
import { DAY_MS, portId, type StationId } from '../../shared/domain/units'
import { VEHICLE_FAMILIES, VEHICLE_ROLES } from '../../shared/domain/vehicle-family'
import { countNoun } from '../../shared/format/count-noun'
import { isoTickLabel, wholeYearTicks } from '../../shared/export/time-axis'

/** A time axis in UTC, its ticks in ISO form (D3's own read "February" or "Jul 05"). */
const UTC_TIME_AXIS = { label: 'Time (UTC)', type: 'utc', tickFormat: isoTickLabel } as const

/** Which measure a chart draws. */
export type ChartId = 'occupancy' | 'ports' | 'stays' | 'traffic' | 'crew' | 'comparison'

/** Where a mark leads on the timeline: a window, and the rows to bring into view in it. */
export interface ChartTarget {
  readonly window: TimeWindow
  readonly reveal: Reveal
}

/** A chart ready to draw: Plot options, and where its marks lead on the timeline. */
export interface ChartSpec {
  readonly options: Plot.PlotOptions
  /** Where the timeline should go for a datum under the pointer; null for nowhere. */
  readonly targetOf: (datum: unknown) => ChartTarget | null
}

/** A window on the rows of one station (any station's, for a series of them all). */
const onStation = (window: TimeWindow | null, id: StationId | null): ChartTarget | null =>
  window && { window, reveal: id === null ? 'results' : { station: id } }

/**
 * px an axis needs for labels of up to the longest of `labels`' characters
 * (at least `least`) at the charts' 11 px, within `cap`.
 */
function labelRoom(labels: Iterable<string>, cap: number, least: number): number {
  let longest = least
  for (const l of labels) longest = Math.max(longest, l.length)
  return Math.min(cap, longest * 6.2 + 12)
}

const date = (t: number) => new Date(t)
const YEAR_MS = 365.25 * DAY_MS

function familyScale(theme: ThemeName, used: ReadonlySet<string>) {
  const domain = VEHICLE_FAMILIES.filter((f) => used.has(f))
  return {
    legend: true,
    domain,
    range: domain.map((f) => familyColour(f as VehicleFamily, theme).fill),
  }
}

function base(theme: ThemeName, width: number): Plot.PlotOptions {
  const pal = EXPORT_PALETTES[theme]
  return {
    width,
    style: { background: 'transparent', color: pal.text, fontSize: '11px' },
    marginLeft: 48,
  }
}

function occupancy(m: AnalysisModel, theme: ThemeName, width: number): ChartSpec {
  // Rows read from each series' step columns: no step objects on the way.
  const rows: {
    station: string
    stationId: StationId | null
    at: Date
    role: string
    count: number
    total: number
  }[] = []
  for (const s of m.occupancy.series) {
    const c = stepColumns(s)
    const k = s.keys.length
    const roles = s.keys.map((key) => ROLE_STYLES[key as VehicleRole]?.label ?? key)
    for (let i = 0; i < c.length; i++) {
      // One Date per step, shared by its stack's rows (Plot only reads it).
      const at = date(c.at[i]!)
      for (let j = 0; j < k; j++)
        rows.push({
          station: s.stationName ?? '',
          stationId: s.stationId,
          at,
          role: roles[j]!,
          count: c.counts[i * k + j]!,
          total: c.total[i]!,
        })
    }
  }
  const stations = m.occupancy.series.length
  return {
    options: {
      ...base(theme, width),
      height: 60 + 120 * Math.max(1, stations),
      // Room for the station names the facets carry on the right, whole.
      marginRight: labelRoom(
        m.occupancy.series.map((x) => x.stationName ?? ''),
        width * 0.3,
        13,
      ),
      y: { label: 'Vehicles docked', grid: true },
      x: UTC_TIME_AXIS,
      fy: { label: null },
      color: {
        legend: true,
        domain: VEHICLE_ROLES.map((r) => ROLE_STYLES[r].label),
      },
      marks: [
        Plot.areaY(rows, {
          x: 'at',
          y: 'count',
          fill: 'role',
          fy: 'station',
          curve: 'step-after',
        }),
        Plot.ruleY([0]),
        Plot.tip(
          rows,
          Plot.pointerX({
            x: 'at',
            y: 'total',
            fy: 'station',
            title: (d: (typeof rows)[number]) =>
              `${d.station}: ${d.total} docked from ${d.at.toISOString().slice(0, 16)}Z`,
          }),
        ),
      ],
    },
    targetOf: (d) => {
      const { at, stationId } = d as Partial<(typeof rows)[number]>
      return at
        ? onStation(
            windowAround(at.getTime() - YEAR_MS / 4, at.getTime() + YEAR_MS / 4),
            stationId ?? null,
          )
        : null
    },
  }
}

function ports(
  m: AnalysisModel,
  theme: ThemeName,
  width: number,
  lifeOf: (portId: number) => TimeWindow | null,
): ChartSpec {
  const top = m.ports.totals.slice(0, 20).map((t) => ({
    portId: t.portId as number,
    label: `${t.portName ?? `Port ${t.portId}`} (${t.stationName ?? ''})`,
    days: t.occupiedMs / DAY_MS,
    dockings: t.dockings,
    basis: lifeBasisText(t),
  }))
  return {
    options: {
      ...base(theme, width),
      marginLeft: labelRoom(
        top.map((t) => t.label),
        width * 0.45,
        10,
      ),
      marginRight: 60,
      height: 40 + 24 * Math.max(1, top.length),
      x: { label: 'Days docked', grid: true },
      y: { label: null, domain: top.map((t) => t.label) },
      marks: [
        Plot.barX(top, {
          y: 'label',
          x: 'days',
          fill: EXPORT_PALETTES[theme].text,
          fillOpacity: 0.7,
        }),
        Plot.text(top, {
          y: 'label',
          x: 'days',
          text: (d: (typeof top)[number]) => `${Math.round(d.days)} d`,
          textAnchor: 'start',
          dx: 4,
        }),
        Plot.tip(
          top,
          Plot.pointerY({
            y: 'label',
            x: 'days',
            title: (d: (typeof top)[number]) =>
              `${d.label}: ${Math.round(d.days)} days docked, ${countNoun(d.dockings, 'docking')}; life: ${d.basis}`,
          }),
        ),
      ],
    },
    targetOf: (d) => {
      const id = (d as { portId: number }).portId
      const window = lifeOf(id)
      return window && { window, reveal: { port: portId(id) } }
    },
  }
}

function stays(m: AnalysisModel, theme: ThemeName, width: number): ChartSpec {
  const rows = m.stays.groups
    .filter((g) => g.summary.medianMs !== null)
    .map((g) => ({
      family: g.key,
      q1: g.summary.q1Ms! / DAY_MS,
      q3: g.summary.q3Ms! / DAY_MS,
      median: g.summary.medianMs! / DAY_MS,
      longest: (g.summary.longest?.lengthMs ?? 0) / DAY_MS,
      longestStay: g.summary.longest,
    }))
  return {
    options: {
      ...base(theme, width),
      marginLeft: 90,
      height: 50 + 28 * Math.max(1, rows.length),
      x: {
        label: `Days per ${m.countBy} (box: quartiles; tick: median; dot: longest)`,
        grid: true,
      },
      y: { label: null },
      color: familyScale(theme, new Set(rows.map((r) => r.family))),
      marks: [
        Plot.barX(rows, { y: 'family', x1: 'q1', x2: 'q3', fill: 'family', fillOpacity: 0.6 }),
        Plot.tickX(rows, { y: 'family', x: 'median', strokeWidth: 2 }),
        Plot.dot(rows, { y: 'family', x: 'longest', stroke: 'family' }),
        Plot.tip(
          rows,
          Plot.pointerY({
            y: 'family',
            x: 'median',
            title: (d: (typeof rows)[number]) =>
              `${d.family}: median ${d.median.toFixed(1)} d, longest ${d.longestStay?.vehicle ?? ''} ${d.longest.toFixed(1)} d`,
          }),
        ),
      ],
    },
    targetOf: (d) => {
      const s = (d as (typeof rows)[number]).longestStay
      return s && s.departure !== null
        ? { window: windowAround(s.arrival, s.departure), reveal: { event: s.id } }
        : null
    },
  }
}

function traffic(m: AnalysisModel, theme: ThemeName, width: number): ChartSpec {
  const rows = m.traffic.counts.map((c) => ({ ...c, family: c.key }))
  const years = rows.map((r) => r.year)
  return {
    options: {
      ...base(theme, width),
      height: 260,
      x: {
        label: 'Year (UTC)',
        tickFormat: 'd',
        // About one label per 60 px.
        ticks: years.length
          ? wholeYearTicks(Math.min(...years), Math.max(...years), width / 60)
          : [],
      },
      y: { label: 'Arrivals', grid: true },
      color: familyScale(theme, new Set(rows.map((r) => r.family))),
      marks: [
        Plot.rectY(rows, { x: 'year', interval: 1, y: 'arrivals', fill: 'family', inset: 0.5 }),
        Plot.ruleY([0]),
        Plot.tip(
          rows,
          Plot.pointerX(
            Plot.stackY({
              x: (d: (typeof rows)[number]) => d.year + 0.5,
              y: 'arrivals',
              title: (d: (typeof rows)[number]) =>
                `${d.year}, ${d.stationName ?? ''}: ${d.arrivals} ${d.family}`,
            }),
          ),
        ),
      ],
    },
    targetOf: (d) => {
      const year = (d as { year?: number }).year
      return year === undefined
        ? null
        : {
            window: windowAround(Date.UTC(year, 0, 1), Date.UTC(year + 1, 0, 1)),
            reveal: 'results',
          }
    },
  }
}

/** The crew chart's four states: crewed or not, by expeditions or by the proxy. */
const CREW_STATES = [
  'crewed, by expeditions',
  'crewed, proxy: crew vehicle docked',
  'uncrewed, by expeditions',
  'uncrewed, proxy: no crew vehicle docked',
] as const

function crew(m: AnalysisModel, theme: ThemeName, width: number): ChartSpec {
  const rows = m.crew.periods.flatMap((p) => {
    const station = m.crew.names.get(p.stationId) ?? ''
    return [
      ...p.periods.map((s) => ({
        station,
        stationId: p.stationId,
        start: s.start,
        end: s.end,
        state: CREW_STATES[s.basis === 'expeditions' ? 0 : 1],
      })),
      ...p.gaps.map((s) => ({
        station,
        stationId: p.stationId,
        start: s.start,
        end: s.end,
        state: CREW_STATES[s.basis === 'expeditions' ? 2 : 3],
      })),
    ]
  })
  const pal = EXPORT_PALETTES[theme]
  const crewed = familyColour('Soyuz', theme).fill
  return {
    options: {
      ...base(theme, width),
      marginLeft: labelRoom(m.crew.names.values(), width * 0.3, 8),
      height: 60 + 30 * Math.max(1, m.crew.periods.length),
      x: UTC_TIME_AXIS,
      y: { label: null },
      color: {
        legend: true,
        domain: [...CREW_STATES],
        // The proxy is drawn paler than the record it stands in for: a guess, not a record.
        range: [crewed, shade(crewed, theme === 'light' ? 0.55 : -0.5), pal.rule, pal.grid],
      },
      marks: [
        Plot.barX(rows, {
          y: 'station',
          x1: (d: (typeof rows)[number]) => date(d.start),
          x2: (d: (typeof rows)[number]) => date(d.end),
          fill: 'state',
          stroke: pal.rule,
          strokeWidth: 0.5,
        }),
        Plot.tip(
          rows,
          Plot.pointer({
            y: 'station',
            x: (d: (typeof rows)[number]) => date((d.start + d.end) / 2),
            title: (d: (typeof rows)[number]) =>
              `${d.station}: ${d.state}, ${date(d.start).toISOString().slice(0, 10)} to ${date(d.end).toISOString().slice(0, 10)} (${((d.end - d.start) / DAY_MS).toFixed(1)} d)`,
          }),
        ),
      ],
    },
    targetOf: (d) => {
      const r = d as (typeof rows)[number]
      return onStation(windowAround(r.start, r.end), r.stationId)
    },
  }
}

function comparison(m: AnalysisModel, theme: ThemeName, width: number): ChartSpec {
  const rows = m.comparison.profiles.flatMap((p) => {
    const station = m.comparison.dayZero.get(p.stationId) === 'founded' ? p.name : `${p.name} *`
    return p.occupancy.map((s) => ({
      station,
      stationId: p.stationId,
      day: s.day,
      total: s.total,
      founded: p.founded,
    }))
  })
  return {
    options: {
      ...base(theme, width),
      height: 260,
      x: {
        label: [...m.comparison.dayZero.values()].every((z) => z === 'founded')
          ? 'Days since founded'
          : 'Days since founded (* since first docking in view: no founded date)',
        grid: true,
      },
      y: { label: 'Vehicles docked', grid: true },
      color: { legend: true },
      marks: [
        Plot.line(rows, {
          x: 'day',
          y: 'total',
          stroke: 'station',
          z: 'station',
          curve: 'step-after',
        }),
        Plot.tip(
          rows,
          Plot.pointer({
            x: 'day',
            y: 'total',
            title: (d: (typeof rows)[number]) =>
              `${d.station}, day ${Math.floor(d.day)}: ${d.total} docked`,
          }),
        ),
      ],
    },
    targetOf: (d) => {
      const r = d as (typeof rows)[number]
      const t = r.founded + r.day * DAY_MS
      return onStation(windowAround(t - YEAR_MS / 4, t + YEAR_MS / 4), r.stationId)
    },
  }
}

/** The chart of measure `id`. `lifeOf` gives a port's first docking to last departure. */
export function chartSpec(
  id: ChartId,
  m: AnalysisModel,
  theme: ThemeName,
  width: number,
  lifeOf: (portId: number) => TimeWindow | null,
): ChartSpec {
  switch (id) {
    case 'occupancy':
      return occupancy(m, theme, width)
    case 'ports':
      return ports(m, theme, width, lifeOf)
    case 'stays':
      return stays(m, theme, width)
    case 'traffic':
      return traffic(m, theme, width)
    case 'crew':
      return crew(m, theme, width)
    case 'comparison':
      return comparison(m, theme, width)
  }
}
