import { describe, expect, it } from 'vitest'

import type { Scene } from '../../shared/chart/bar-scene'
import type { Overlap } from '../../shared/chart/chart-model'
import { memoThinDenseRows, type LodView } from '../../shared/chart/lod'
import type { ReferenceLine } from '../../shared/chart/reference-lines'
import type { BarLayer } from '../../renderer/timeline/canvas/bar-layer'
import { BarSceneSync } from '../../renderer/timeline/vis/bar-scene-sync'
import { BAR_T0, overlapOf, placedBar } from './chart-fixtures'

const DAY = 86_400_000
const WIDE: LodView = { start: BAR_T0, end: BAR_T0 + 10_000 * DAY, widthPx: 1000 }

/** A bar layer that keeps the scenes it is given and the marks it is told. */
function fakeLayer() {
  const scenes: Scene[] = []
  const marks: unknown[] = []
  const layer = {
    setScene: (scene: Scene) => scenes.push(scene),
    setState: (state: { selectedId: unknown }) => marks.push(state.selectedId),
    request: () => {},
  }
  return { layer: layer as unknown as BarLayer, scenes, marks }
}

function sceneSync() {
  const fake = fakeLayer()
  const views: Array<LodView | null> = []
  const sync = new BarSceneSync(
    fake.layer,
    () => null,
    (v) => views.push(v),
    memoThinDenseRows(),
  )
  return { ...fake, views, sync }
}

// 500 short stays on one port (too dense to draw apart on 1,000 px) and 30 on another.
const dense = Array.from({ length: 500 }, (_, i) => placedBar(1 + i, 'p1', i * 20, 10))
const sparse = Array.from({ length: 30 }, (_, i) => placedBar(1_000 + i, 'p2', i * 300, 10))
const placed = [...dense, ...sparse]
/** No overlaps: one array, as the store's memo gives it. */
const NONE: ReadonlyArray<Overlap> = []

describe('BarSceneSync', () => {
  it('keeps its scene through zooms and pans that thin the bars as before, and tells each view', () => {
    const { sync, scenes, views } = sceneSync()
    sync.sync(sparse, NONE, WIDE)
    sync.sync(sparse, NONE, { ...WIDE, start: WIDE.start + 400 * DAY })
    sync.sync(sparse, NONE, { ...WIDE, end: WIDE.start + 2_000 * DAY })
    expect(scenes).toHaveLength(1)
    expect(scenes[0]!.size).toBe(30)
    // The legend still hears where the chart stands.
    expect(views).toHaveLength(3)
  })

  it('builds a new scene for other strips, other bars, other overlaps or other reference lines', () => {
    const { sync, scenes } = sceneSync()
    sync.sync(placed, NONE, WIDE)
    const runs = (s: Scene) =>
      [...s.rows.values()].flatMap((r) => r.items).filter((i) => i.kind === 'run').length
    expect(runs(scenes[0]!)).toBeGreaterThan(0)
    // Zoomed in far enough to draw the dense port's stays apart.
    sync.sync(placed, NONE, { ...WIDE, end: WIDE.start + 600 * DAY })
    expect(scenes).toHaveLength(2)
    expect(runs(scenes[1]!)).toBe(0)

    const fewer = placed.slice(100)
    sync.sync(fewer, NONE, { ...WIDE, end: WIDE.start + 600 * DAY })
    expect(scenes).toHaveLength(3)
    expect(scenes[2]!.size).toBe(fewer.length)

    // The same bars and view with an overlap found among them: hatched.
    const overlaps = [overlapOf(fewer[0]!, fewer[1]!)]
    sync.sync(fewer, overlaps, { ...WIDE, end: WIDE.start + 600 * DAY })
    expect(scenes).toHaveLength(4)
    expect([...scenes[3]!.rows.values()].flatMap((r) => r.hatches)).toHaveLength(1)

    const line: ReferenceLine = {
      id: 'ref-1',
      rowId: 'p2',
      start: BAR_T0,
      end: BAR_T0 + DAY,
    } as unknown as ReferenceLine
    sync.setReferences([line])
    expect(scenes).toHaveLength(5)
    expect(scenes[4]!.rows.get('p2')!.references).toHaveLength(1)
  })

  it('marks the selection in the scene it keeps', () => {
    const { sync, marks } = sceneSync()
    sync.sync(sparse, NONE, WIDE)
    sync.setSelection(1_003)
    sync.sync(sparse, NONE, { ...WIDE, start: WIDE.start + 400 * DAY })
    expect(marks.at(-1)).toBe(1_003)
  })
})
