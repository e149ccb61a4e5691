import { describe, expect, it } from 'vitest'

import { buildBars, placeBars, layoutRows } from '../../shared/chart-model'
import { buildRows } from '../../shared/timeline-rows'
import { utcMillis } from '../../shared/units'
import { labelMode } from '../../renderer/timeline/label-placement'
import { chartStyleSheet, patternImage } from '../../renderer/timeline/chart-css'
import { RUN_ID_PREFIX } from '../../shared/chart-lod'
import { escapeHtml, toBarItems, toRunItems, tooltipHtml } from '../../renderer/timeline/vis-items'
import { familyColour, familySlug, ROLE_STYLE_LIST } from '../../shared/chart-style'
import { VEHICLE_FAMILIES } from '../../shared/vehicle-family'
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
    const [item] = toBarItems(placed)
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

describe('run items', () => {
  const run = {
    id: 'run-p1-1-9-5',
    rowId: 'p1',
    start: utcMillis(Date.parse('2001-02-03T04:05:00Z')),
    end: utcMillis(Date.parse('2001-06-07T08:09:00Z')),
    count: 5,
    eventIds: [],
    isSummary: false,
  }

  it('labels a strip with its count and says in its tooltip when it spans and what to do', () => {
    const [item] = toRunItems([run], 'utc')
    expect(item?.id.toString().startsWith(RUN_ID_PREFIX)).toBe(true)
    expect(item?.content).toBe('5 dockings')
    expect(item?.className).toBe('bar-run')
    expect(item?.title).toContain('2001-02-03 04:05 UTC')
    expect(item?.title).toContain('2001-06-07 08:09 UTC')
    expect(item?.title).toContain('zoom in')
  })

  it('keeps a collapsed station’s strip faint like its summary bars', () => {
    expect(toRunItems([{ ...run, isSummary: true }], 'utc')[0]?.className).toBe(
      'bar-run is-summary',
    )
  })
})

describe('chart stylesheet', () => {
  const css = chartStyleSheet()

  it('gives each family its light and dark colours from the shared palette', () => {
    for (const f of VEHICLE_FAMILIES) {
      const rule = css
        .split('\n')
        .find((l) => l.startsWith(`.timeline .vis-item.family-${familySlug(f)},`))
      expect(rule, f).toBeDefined()
      const light = familyColour(f, 'light')
      const dark = familyColour(f, 'dark')
      expect(rule).toContain(`background-color:light-dark(${light.fill}, ${dark.fill})`)
      expect(rule).toContain(`color:light-dark(${light.text}, ${dark.text})`)
    }
  })

  it('draws each role with its own pattern and outline', () => {
    for (const r of ROLE_STYLE_LIST) {
      const rule = css.split('\n').find((l) => l.startsWith(`.timeline .vis-item.role-${r.role},`))
      expect(rule).toContain(`border-style:${r.outline}`)
      expect(rule).toContain(`background-image:${patternImage(r.pattern)}`)
    }
  })
})
