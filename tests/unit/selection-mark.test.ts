import { describe, expect, it } from 'vitest'

import { thinDenseRows, type LodView } from '../../shared/chart/lod'
import { BAR_T0, placedBar } from './chart-fixtures'
import { selectionMark } from '../../renderer/timeline/vis/selection-mark'

const DAY = 86_400_000
// 500 one-pixel stays on one row, one every 20 days, beside a row with one bar.
const dense = Array.from({ length: 500 }, (_, i) => placedBar(1 + i, 'p1', i * 20, 10))
const lone = placedBar(9_001, 'p2', 100, 30)
const WIDE: LodView = { start: BAR_T0, end: BAR_T0 + 10_000 * DAY, widthPx: 1000 }
const thin = thinDenseRows([...dense, lone], WIDE)
const barIds = new Set(thin.bars.map((p) => p.bar.eventId as number))

describe('selectionMark', () => {
  it('marks the selected docking on its own bar when the bar is drawn apart', () => {
    expect(selectionMark(9_001, barIds, thin.runs)).toBe(9_001)
  })

  it('marks the strip a selected docking is drawn in while its row is too dense', () => {
    expect(thin.runs.length).toBeGreaterThan(0)
    const run = thin.runs.find((r) => r.eventIds.some((id) => id === 250))
    expect(run).toBeDefined()
    expect(selectionMark(250, barIds, thin.runs)).toBe(run!.id)
  })

  it('marks nothing with no selection, or a selection that is not drawn', () => {
    expect(selectionMark(null, barIds, thin.runs)).toBeNull()
    expect(selectionMark(77_777, barIds, thin.runs)).toBeNull()
  })
})
