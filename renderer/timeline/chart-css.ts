/**
 * CSS for bar colours and role patterns, generated from `shared/chart-style`
 * so the screen and the SVG export read one palette.
 */
import {
  familyColour,
  familySlug,
  OVERLAP_STYLE,
  ROLE_STYLE_LIST,
  type FamilyColour,
  type RolePattern,
  type ThemeName,
} from '../../shared/chart-style'
import { VEHICLE_FAMILIES } from '../../shared/vehicle-family'

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
 * The generated stylesheet: one rule per family and per role, for bars and
 * legend swatches alike.
 *
 * Values are written out, not passed through custom properties: a `var()`
 * is substituted and re-parsed for every element it styles, and with a few
 * thousand bars that made each chart-wide restyle (the first search
 * keystroke) cost a third of a second instead of a tenth.
 */
export function chartStyleSheet(): string {
  const families = VEHICLE_FAMILIES.map((f) => {
    const s = familySlug(f)
    const c = (k: keyof FamilyColour) => bothThemes((t) => familyColour(f, t)[k])
    return [
      `.timeline .vis-item.family-${s},.legend-swatch.family-${s}{background-color:${c('fill')};border-color:${c('stroke')};color:${c('text')}}`,
      // The label's chip; an outside label (more specific) drops it.
      `.timeline .family-${s} .vis-item-content{background-color:${c('fill')}}`,
    ].join('\n')
  }).join('\n')
  const roles = ROLE_STYLE_LIST.map((r) => {
    const size =
      r.pattern.kind === 'dots'
        ? `background-size:${r.pattern.spacing}px ${r.pattern.spacing}px;`
        : ''
    return `.timeline .vis-item.role-${r.role},.legend-swatch.role-${r.role}{background-image:${patternImage(r.pattern)};border-style:${r.outline};border-width:${r.outlineWidth}px;${size}}`
  }).join('\n')
  const overlap = `:root{--overlap:${bothThemes((t) => OVERLAP_STYLE.colour[t])}}`
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
