import { expect, it } from 'vitest'

import { utcDate } from '../../../shared/analysis-view/analysis-table'

/** Seeded instants across and beyond the data's range, with the day, minute and year-10000 edges. */
function instants(): number[] {
  let seed = 1
  const next = () => (seed = (seed * 48_271) % 2_147_483_647) / 2_147_483_647
  const edges = [0, 1, 59_999, 60_000, 86_399_999, 86_400_000, 951_782_400_000, 1.5]
  const far = [-1, -86_400_000, 253_402_300_799_999, 253_402_300_800_000]
  const random = Array.from({ length: 5_000 }, () => Math.floor(next() * 4e12) - 5e11)
  return [...edges, ...far, ...random, ...random.map((t) => Math.abs(t) + next())]
}

it('table dates read as the ISO string does, to the day and to the minute', () => {
  for (const t of instants()) {
    const iso = new Date(t).toISOString()
    expect(utcDate(t)).toBe(iso.slice(0, 10))
    expect(utcDate(t, true)).toBe(`${iso.slice(0, 16)}Z`)
  }
})
