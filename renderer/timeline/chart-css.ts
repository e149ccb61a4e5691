/**
 * CSS for bar colours and role patterns, generated from `shared/chart-style`
 * so the screen and the SVG export read one palette.
 */
import {
  familyColour,
  familySlug,
  OVERLAP_STYLE,
  ROLE_STYLE_LIST,
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

function familyVars(theme: ThemeName): string {
  return VEHICLE_FAMILIES.map((f) => {
    const c = familyColour(f, theme)
    const s = familySlug(f)
    return `--fam-${s}-fill:${c.fill};--fam-${s}-stroke:${c.stroke};--fam-${s}-text:${c.text};`
  }).join('')
}

const overlapVar = (theme: ThemeName) => `--overlap:${OVERLAP_STYLE.colour[theme]};`

/** The generated stylesheet: theme variables, then one rule per family and role. */
export function chartStyleSheet(): string {
  const light = familyVars('light') + overlapVar('light')
  const dark = familyVars('dark') + overlapVar('dark')
  const families = VEHICLE_FAMILIES.map((f) => {
    const s = familySlug(f)
    return `.family-${s}{--bar-fill:var(--fam-${s}-fill);--bar-stroke:var(--fam-${s}-stroke);--bar-text:var(--fam-${s}-text);}`
  }).join('\n')
  const roles = ROLE_STYLE_LIST.map((r) => {
    const size =
      r.pattern.kind === 'dots'
        ? `background-size:${r.pattern.spacing}px ${r.pattern.spacing}px;`
        : ''
    return `.role-${r.role}{--bar-pattern:${patternImage(r.pattern)};--bar-outline:${r.outline};--bar-outline-width:${r.outlineWidth}px;${size}}`
  }).join('\n')
  return [
    `:root{${light}}`,
    `@media (prefers-color-scheme: dark){:root:not([data-theme='light']){${dark}}}`,
    `:root[data-theme='dark']{${dark}}`,
    families,
    roles,
  ].join('\n')
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
