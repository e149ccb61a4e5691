/**
 * CSS for the legend's swatches of family colours and role patterns, and the
 * overlap colour the legend and the overlap list share, generated from
 * `shared/chart/style`, which the bar canvas (bar-painter.ts) and the SVG
 * export read too.
 */
import {
  familyColour,
  familySlug,
  FLAG_STYLE,
  OVERLAP_STYLE,
  ROLE_STYLE_LIST,
  type FamilyColour,
  type RolePattern,
  type ThemeName,
} from '../../../shared/chart/style'
import { VEHICLE_FAMILIES } from '../../../shared/domain/vehicle-family'

/** A CSS background-image drawing a role pattern in white over the fill. */
export function patternImage(p: RolePattern): string {
  const ink = `rgba(255,255,255,${p.opacity})`
  switch (p.kind) {
    case 'solid':
      return 'none'
    case 'stripes':
      return `repeating-linear-gradient(${p.angle}deg, ${ink} 0 ${p.size}px, transparent ${p.size}px ${p.spacing}px)`
    case 'crosshatch':
      return [p.angle, -p.angle]
        .map(
          (a) =>
            `repeating-linear-gradient(${a}deg, ${ink} 0 ${p.size}px, transparent ${p.size}px ${p.spacing}px)`,
        )
        .join(', ')
    case 'dots':
      return `radial-gradient(circle, ${ink} ${p.size / 2 + 0.5}px, transparent ${p.size / 2 + 1}px)`
  }
}

/** Both themes' values of one colour: `light-dark()` follows the root's color-scheme. */
function bothThemes(pick: (theme: ThemeName) => string): string {
  return `light-dark(${pick('light')}, ${pick('dark')})`
}

/**
 * The generated stylesheet: one rule per family and per role for the
 * legend's swatches, and the overlap colour.
 */
export function chartStyleSheet(): string {
  const families = VEHICLE_FAMILIES.map((f) => {
    const s = familySlug(f)
    const c = (k: keyof FamilyColour) => bothThemes((t) => familyColour(f, t)[k])
    return `.legend-swatch.family-${s}{background-color:${c('fill')};border-color:${c('stroke')};color:${c('text')}}`
  }).join('\n')
  const roles = ROLE_STYLE_LIST.map((r) => {
    const size =
      r.pattern.kind === 'dots'
        ? `background-size:${r.pattern.spacing}px ${r.pattern.spacing}px;`
        : ''
    return `.legend-swatch.role-${r.role}{background-image:${patternImage(r.pattern)};border-style:${r.outline};border-width:${r.outlineWidth}px;${size}}`
  }).join('\n')
  const overlap = `:root{--overlap:${bothThemes((t) => OVERLAP_STYLE.colour[t])};--flag:${bothThemes((t) => FLAG_STYLE.colour[t])}}`
  return [overlap, families, roles].join('\n')
}

let installed = false

/** Adds the generated stylesheet to the document once. */
export function installChartStyles(): void {
  if (installed) return
  installed = true
  const style = document.createElement('style')
  style.dataset.source = 'chart-style'
  style.textContent = chartStyleSheet()
  document.head.appendChild(style)
}
