import { describe, expect, it } from 'vitest'

import { familyColour, familySlug, ROLE_STYLE_LIST } from '../../shared/chart/style'
import { VEHICLE_FAMILIES } from '../../shared/domain/vehicle-family'
import { chartStyleSheet, patternImage } from '../../renderer/timeline/panels/legend-css'

describe('legend stylesheet', () => {
  const css = chartStyleSheet()

  it('gives each family swatch its light and dark colours from the shared palette', () => {
    for (const f of VEHICLE_FAMILIES) {
      const rule = css
        .split('\n')
        .find((l) => l.startsWith(`.legend-swatch.family-${familySlug(f)}{`))
      expect(rule, f).toBeDefined()
      const light = familyColour(f, 'light')
      const dark = familyColour(f, 'dark')
      expect(rule).toContain(`background-color:light-dark(${light.fill}, ${dark.fill})`)
      expect(rule).toContain(`color:light-dark(${light.text}, ${dark.text})`)
    }
  })

  it('draws each role swatch with its own pattern and outline', () => {
    for (const r of ROLE_STYLE_LIST) {
      const rule = css.split('\n').find((l) => l.startsWith(`.legend-swatch.role-${r.role}{`))
      expect(rule).toContain(`border-style:${r.outline}`)
      expect(rule).toContain(`background-image:${patternImage(r.pattern)}`)
    }
  })
})
