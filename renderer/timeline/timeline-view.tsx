import 'vis-timeline/styles/vis-timeline-graph2d.min.css'

import moment from 'moment'
import { useEffect, useRef } from 'react'
import { DataSet } from 'vis-data/peer'
import { Timeline, type DataGroup, type DataItem, type TimelineOptions } from 'vis-timeline/peer'

import type { Bar } from '../../shared/chart-model'
import type { StationRow } from '../../shared/timeline-rows'

/** Props of the timeline: rows, bars and the window to show first. */
export interface TimelineViewProps {
  readonly rows: ReadonlyArray<StationRow>
  readonly bars: ReadonlyArray<Bar>
  readonly timeZone: 'utc' | 'local'
  readonly onSelect: (eventId: number | null) => void
}

const stationGroupId = (id: number) => `s${id}`
const portGroupId = (id: number) => `p${id}`

function toGroups(rows: ReadonlyArray<StationRow>): DataGroup[] {
  const groups: DataGroup[] = []
  for (const row of rows) {
    groups.push({
      id: stationGroupId(row.station.id),
      content: row.station.name,
      nestedGroups: row.ports.map((p) => portGroupId(p.port.id)),
      showNested: true,
      className: 'station-row',
      order: row.order,
    } as DataGroup)
    for (const p of row.ports) {
      groups.push({
        id: portGroupId(p.port.id),
        content: p.port.name,
        className: 'port-row',
        order: p.order,
      } as DataGroup)
    }
  }
  return groups
}

function toItems(bars: ReadonlyArray<Bar>): DataItem[] {
  return bars.map((b) => ({
    id: b.eventId,
    group: portGroupId(b.portId),
    content: b.label,
    start: b.start,
    end: b.end,
    type: 'range',
    className: [
      `event-${b.eventId}`,
      `family-${b.family.replace(/[^a-z]/gi, '').toLowerCase()}`,
      `role-${b.role}`,
      b.isOpen ? 'is-open' : '',
    ]
      .join(' ')
      .trim(),
  }))
}

/**
 * The vis-timeline island: created once, fed by DataSet diffs, destroyed on
 * unmount (vis-timeline #183 and #1606 leak otherwise).
 */
export function TimelineView({ rows, bars, timeZone, onSelect }: TimelineViewProps) {
  const container = useRef<HTMLDivElement>(null)
  const timeline = useRef<Timeline | null>(null)
  const groups = useRef(new DataSet<DataGroup>())
  const items = useRef(new DataSet<DataItem>())
  const hasFitted = useRef(false)
  const onSelectRef = useRef(onSelect)
  onSelectRef.current = onSelect

  useEffect(() => {
    if (!container.current) return
    const options: TimelineOptions = {
      stack: false,
      orientation: { axis: 'top' },
      // Group order must be a numeric comparator (vis-timeline #101).
      groupOrder: (a: { order: number }, b: { order: number }) => a.order - b.order,
      zoomMin: 3_600_000,
      zoomMax: 200 * 365.25 * 86_400_000,
      verticalScroll: true,
      horizontalScroll: false,
      zoomKey: undefined,
      selectable: true,
      showCurrentTime: true,
    }
    const t = new Timeline(container.current, items.current, groups.current, options)
    t.on('select', (props: { items: Array<number | string> }) => {
      const id = props.items[0]
      onSelectRef.current(typeof id === 'number' ? id : null)
    })
    // The visible window, mirrored on the element for screen readers' context and e2e checks.
    const mirrorWindow = () => {
      const w = t.getWindow()
      container.current?.setAttribute('data-window-start', String(w.start.valueOf()))
      container.current?.setAttribute('data-window-end', String(w.end.valueOf()))
    }
    t.on('rangechanged', mirrorWindow)
    t.on('changed', mirrorWindow)
    timeline.current = t
    return () => {
      t.destroy()
      timeline.current = null
    }
  }, [])

  useEffect(() => {
    timeline.current?.setOptions({
      moment: (date: moment.MomentInput) =>
        timeZone === 'utc' ? moment(date).utc() : moment(date),
    })
  }, [timeZone])

  useEffect(() => {
    const next = toGroups(rows)
    const ids = new Set(next.map((g) => g.id))
    groups.current.remove(groups.current.getIds().filter((id) => !ids.has(id)))
    groups.current.update(next)
  }, [rows])

  useEffect(() => {
    const next = toItems(bars)
    const ids = new Set(next.map((i) => i.id))
    items.current.remove(items.current.getIds().filter((id) => !ids.has(id)))
    items.current.update(next)
    // Open on the whole data set, not vis-timeline's default of "this week".
    if (next.length > 0 && !hasFitted.current) {
      timeline.current?.fit({ animation: false })
      hasFitted.current = true
    }
  }, [bars])

  return <div ref={container} className="timeline" data-testid="timeline" />
}
