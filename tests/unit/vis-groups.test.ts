import { describe, expect, it } from 'vitest'

import { layoutRows } from '../../shared/chart/chart-model'
import { buildRows } from '../../shared/chart/timeline-rows'
import { escapeHtml, toGroups } from '../../renderer/timeline/vis/vis-groups'
import { stationId } from '../../shared/domain/units'
import { dockingEvent } from './chart-fixtures'

const evil = dockingEvent(
  1,
  '2000-01-01T00:00:00Z',
  '2000-01-02T06:00:00Z',
  { stationName: '<script>alert(1)</script>', portName: 'Port "A" & B' },
  '<img src=x onerror=alert(1)>',
)

describe('vis groups', () => {
  it('escapes every API string that vis shows as HTML', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;',
    )
    const rows = buildRows(
      [
        {
          id: evil.stationId!,
          name: evil.stationName!,
          status: null,
          founded: null,
          deorbited: null,
          portIds: [],
          activeDockingEventIds: null,
          listedWithin: null,
        },
      ],
      [{ id: evil.portId!, name: evil.portName!, stationId: evil.stationId! }],
      [evil],
    )
    const chartRows = layoutRows(rows, { collapsedStations: new Set(), hideEmptyPorts: false })
    const labels = toGroups(chartRows).map((g) => g.content)
    // A port's name in a span of its own (two lines when long; vis keeps a bare span).
    expect(labels).toEqual([
      '&lt;script&gt;alert(1)&lt;/script&gt;',
      '<span>Port &quot;A&quot; &amp; B</span>',
    ])
  })

  it("keeps a station's group as vis drew it when only its counts change", () => {
    const station = (eventCount: number, shownPorts: number) => ({
      kind: 'station' as const,
      id: 'station-1',
      stationId: stationId(1),
      label: 'Salyut 7',
      order: 0,
      collapsed: false,
      shownPorts,
      totalPorts: 2,
      eventCount,
    })
    const [before] = toGroups([station(12, 2)])
    const [after] = toGroups([station(1, 1)])
    expect(after!.key).toBe(before!.key)
    // Folding it changes what vis draws in the row's label.
    const [folded] = toGroups([{ ...station(1, 0), collapsed: true }])
    expect(folded!.key).not.toBe(before!.key)
  })
})
