import { describe, expect, it } from 'vitest'

import { buildBars, placeBars, layoutRows } from '../../shared/chart-model'
import { buildRows } from '../../shared/timeline-rows'
import { utcMillis } from '../../shared/units'
import { labelMode } from '../../renderer/timeline/label-placement'
import { escapeHtml, toBarItems, tooltipHtml } from '../../renderer/timeline/vis-items'
import { dockingEvent } from './chart-fixtures'

const evil = dockingEvent(
  1,
  '2000-01-01T00:00:00Z',
  '2000-01-02T06:00:00Z',
  { stationName: '<script>alert(1)</script>', portName: 'Port "A" & B' },
  '<img src=x onerror=alert(1)>',
)

describe('vis items', () => {
  it('escapes every API string in labels and tooltips', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;',
    )
    const rows = buildRows(
      [{ id: evil.stationId!, name: evil.stationName!, status: null, deorbited: null }],
      [{ id: evil.portId!, name: evil.portName!, stationId: evil.stationId! }],
      [evil],
    )
    const placed = placeBars(
      buildBars([evil], utcMillis(0)),
      layoutRows(rows, { collapsedStations: new Set(), hideEmptyPorts: false }),
    )
    const [item] = toBarItems(placed, new Set())
    expect(item?.content).toBe('&lt;img src=x onerror=alert(1)&gt;')
    const html = tooltipHtml(evil, 'utc', 0)
    expect(html).not.toMatch(/<img|<script/)
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; · Port &quot;A&quot; &amp; B')
    expect(html).toContain('2000-01-01 00:00 UTC')
    expect(html).toContain('1 d 6 h')
  })

  it('says a still-docked vehicle is still docked', () => {
    const open = dockingEvent(2, '2000-01-01T00:00:00Z', null)
    expect(tooltipHtml(open, 'utc', Date.parse('2000-01-03T00:00:00Z'))).toContain(
      '2 d 0 h so far (still docked)',
    )
  })

  it('puts labels inside when they fit, outside when there is room, else nowhere', () => {
    expect(labelMode(100, 60, 0)).toBe('inside')
    expect(labelMode(40, 60, 80)).toBe('outside')
    expect(labelMode(40, 60, 50)).toBe('none')
    expect(labelMode(40, 60, Number.POSITIVE_INFINITY)).toBe('outside')
  })
})
