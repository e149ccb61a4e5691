import { describe, expect, it } from 'vitest'

import { layoutRows } from '../../shared/chart/chart-model'
import { buildRows } from '../../shared/chart/timeline-rows'
import { escapeHtml, toGroups } from '../../renderer/timeline/vis/vis-groups'
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
        },
      ],
      [{ id: evil.portId!, name: evil.portName!, stationId: evil.stationId! }],
      [evil],
    )
    const chartRows = layoutRows(rows, { collapsedStations: new Set(), hideEmptyPorts: false })
    const labels = toGroups(chartRows).map((g) => g.content)
    expect(labels).toEqual(['&lt;script&gt;alert(1)&lt;/script&gt;', 'Port &quot;A&quot; &amp; B'])
  })
})
