import { describe, expect, it } from 'vitest'

import {
  contrastRatio,
  familyColour,
  familyPalette,
  familySlug,
  ROLE_PATTERNS,
  ROLE_STYLE_LIST,
} from '../../shared/chart-style'
import { VEHICLE_FAMILIES } from '../../shared/vehicle-family'

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
    expect(ROLE_PATTERNS.cargo.label).toBe('Cargo vehicle')
  })

  it('makes class-safe slugs', () => {
    expect(familySlug('TKS/Cosmos')).toBe('tkscosmos')
  })
})
