import { describe, expect, it } from 'vitest'

import {
  contrastRatio,
  familyColour,
  familyPalette,
  familySlug,
  ROLE_STYLE_LIST,
} from '../../shared/chart/style'
import { VEHICLE_FAMILIES } from '../../shared/domain/vehicle-family'

describe('chart style', () => {
  it('gives every family a distinct fill in each theme', () => {
    for (const theme of ['light', 'dark'] as const) {
      const fills = familyPalette(theme).map((c) => c.fill)
      expect(fills).toHaveLength(VEHICLE_FAMILIES.length)
      expect(new Set(fills).size).toBe(fills.length)
    }
  })

  it('chooses label colours readable on every fill (WCAG large-text 3:1 at least)', () => {
    for (const theme of ['light', 'dark'] as const)
      for (const f of VEHICLE_FAMILIES) {
        const c = familyColour(f, theme)
        expect(contrastRatio(c.fill, c.text), `${f} ${theme}`).toBeGreaterThanOrEqual(3)
      }
  })

  it('tells roles apart by pattern or outline, not colour alone', () => {
    const looks = ROLE_STYLE_LIST.map((r) => `${r.pattern.kind}/${r.outline}`)
    expect(new Set(looks).size).toBe(ROLE_STYLE_LIST.length)
    // …and the legend names each look differently.
    const labels = ROLE_STYLE_LIST.map((r) => r.label.trim().toLowerCase())
    expect(labels.every((l) => l.length > 0)).toBe(true)
    expect(new Set(labels).size).toBe(ROLE_STYLE_LIST.length)
  })

  it('makes a class-safe slug per family, no two alike', () => {
    expect(familySlug('TKS/Cosmos')).toBe('tkscosmos')
    const slugs = VEHICLE_FAMILIES.map(familySlug)
    for (const s of slugs) expect(s).toMatch(/^[a-z][a-z0-9-]*$/)
    expect(new Set(slugs).size).toBe(VEHICLE_FAMILIES.length)
  })
})
