/**
 * How the chart looks: family colours (light and dark), role patterns and the
 * marks for overlaps and still-docked vehicles.
 *
 * The on-screen timeline turns these into CSS and the SVG export into
 * patterns, so a printed figure and the screen agree. Roles differ by pattern
 * and outline, not hue alone, so the chart survives colour blindness and
 * greyscale print.
 */
import type { VehicleFamily, VehicleRole } from '../domain/model'
import { VEHICLE_FAMILIES, VEHICLE_ROLES } from '../domain/vehicle-family'

/** The two themes the app draws in. */
export type ThemeName = 'light' | 'dark'

/** Fill and text colour of one family in one theme. */
export interface FamilyColour {
  /** Bar fill, `#rrggbb`. */
  readonly fill: string
  /** Bar outline, `#rrggbb`: a darker (light theme) or lighter (dark theme) shade of the fill. */
  readonly stroke: string
  /** Label colour on the fill, chosen for contrast. */
  readonly text: string
}

// Hues picked to stay apart for the common colour-vision deficiencies where
// possible (ColorBrewer Dark2/Set1 families); roles carry meaning too, so no
// family relies on hue alone.
const LIGHT_FILLS: Readonly<Record<VehicleFamily, string>> = {
  Soyuz: '#2166ac',
  Progress: '#b35806',
  Dragon: '#5e3c99',
  Cygnus: '#1b9e77',
  HTV: '#d4a017',
  ATV: '#c51b7d',
  Shuttle: '#4d4d4d',
  Starliner: '#0095a8',
  Shenzhou: '#d73027',
  Tianzhou: '#f46d43',
  Apollo: '#7f6b00',
  'TKS/Cosmos': '#66a61e',
  Other: '#8a8f98',
}

// Dark-theme fills: lighter shades of the same hues, readable on #15181c.
const DARK_FILLS: Readonly<Record<VehicleFamily, string>> = {
  Soyuz: '#6aa9e9',
  Progress: '#e0914a',
  Dragon: '#a58ee0',
  Cygnus: '#4fd1a8',
  HTV: '#f0c84b',
  ATV: '#ee6fb4',
  Shuttle: '#a8a8a8',
  Starliner: '#45c7d9',
  Shenzhou: '#f2736b',
  Tianzhou: '#ffa07f',
  Apollo: '#c9b23c',
  'TKS/Cosmos': '#9bd35a',
  Other: '#b7bcc4',
}

function parseHex(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16)
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255]
}

function toHex([r, g, b]: ReadonlyArray<number>): string {
  const c = (v: number | undefined) =>
    Math.round(Math.min(255, Math.max(0, v ?? 0)))
      .toString(16)
      .padStart(2, '0')
  return `#${c(r)}${c(g)}${c(b)}`
}

/**
 * WCAG relative luminance of a `#rrggbb` colour, 0 (black) to 1 (white).
 */
export function relativeLuminance(hex: string): number {
  const lin = parseHex(hex).map((v) => {
    const s = v / 255
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4
  })
  return 0.2126 * (lin[0] ?? 0) + 0.7152 * (lin[1] ?? 0) + 0.0722 * (lin[2] ?? 0)
}

/** WCAG contrast ratio between two `#rrggbb` colours (1 to 21). */
export function contrastRatio(a: string, b: string): number {
  const la = relativeLuminance(a)
  const lb = relativeLuminance(b)
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05)
}

const DARK_TEXT = '#111418'
const LIGHT_TEXT = '#ffffff'

/** The label colour (near-black or white) with the higher contrast on `fill`. */
export function textColourOn(fill: string): string {
  return contrastRatio(fill, DARK_TEXT) >= contrastRatio(fill, LIGHT_TEXT) ? DARK_TEXT : LIGHT_TEXT
}

/** Mixes `hex` towards black (amount < 0) or white (amount > 0), amount in -1..1. */
export function shade(hex: string, amount: number): string {
  const target = amount < 0 ? 0 : 255
  const k = Math.abs(amount)
  return toHex(parseHex(hex).map((v) => v + (target - v) * k))
}

/** Colours of one family in one theme. */
export function familyColour(family: VehicleFamily, theme: ThemeName): FamilyColour {
  const fill = (theme === 'light' ? LIGHT_FILLS : DARK_FILLS)[family]
  return {
    fill,
    stroke: shade(fill, theme === 'light' ? -0.35 : 0.35),
    text: textColourOn(fill),
  }
}

/** Every family's colours in one theme, in legend order. */
export function familyPalette(
  theme: ThemeName,
): ReadonlyArray<{ readonly family: VehicleFamily } & FamilyColour> {
  return VEHICLE_FAMILIES.map((family) => ({ family, ...familyColour(family, theme) }))
}

/** A fill pattern drawn over the family colour. */
export interface RolePattern {
  readonly kind: 'solid' | 'stripes' | 'crosshatch' | 'dots'
  /** Line or dot width in px. */
  readonly size: number
  /** Repeat distance in px. */
  readonly spacing: number
  /** Stripe angle in degrees (stripes and crosshatch). */
  readonly angle: number
  /** Opacity of the white overlay that draws the pattern. */
  readonly opacity: number
}

/** How one role is drawn, beyond its family colour. */
export interface RoleStyle {
  readonly role: VehicleRole
  /** Legend text. */
  readonly label: string
  readonly pattern: RolePattern
  readonly outline: 'solid' | 'double' | 'dashed'
  /** Outline width in px. */
  readonly outlineWidth: number
}

/** Role styles: crew solid, cargo striped, modules crosshatched with a double outline. */
export const ROLE_STYLES: Readonly<Record<VehicleRole, RoleStyle>> = {
  crew: {
    role: 'crew',
    label: 'Crew vehicle',
    pattern: { kind: 'solid', size: 0, spacing: 0, angle: 0, opacity: 0 },
    outline: 'solid',
    outlineWidth: 1,
  },
  cargo: {
    role: 'cargo',
    label: 'Cargo vehicle',
    pattern: { kind: 'stripes', size: 3, spacing: 8, angle: 45, opacity: 0.4 },
    outline: 'solid',
    outlineWidth: 1,
  },
  module: {
    role: 'module',
    label: 'Station module',
    pattern: { kind: 'crosshatch', size: 2, spacing: 7, angle: 45, opacity: 0.45 },
    outline: 'double',
    outlineWidth: 3,
  },
  other: {
    role: 'other',
    label: 'Other / unknown',
    pattern: { kind: 'dots', size: 2, spacing: 6, angle: 0, opacity: 0.5 },
    outline: 'dashed',
    outlineWidth: 1,
  },
}

/** Role styles in legend order. */
export const ROLE_STYLE_LIST: ReadonlyArray<RoleStyle> = VEHICLE_ROLES.map((r) => ROLE_STYLES[r])

/** The hatch that marks two events overlapping on one port (a data error). */
export const OVERLAP_STYLE = {
  /** Hatch and outline colour per theme. */
  colour: { light: '#c0001a', dark: '#ff6b7a' } as Readonly<Record<ThemeName, string>>,
  angle: -45,
  size: 3,
  spacing: 7,
  label: 'Overlap on one port (data error)',
} as const

/**
 * The "Compare with reference" layer: a thin line per reference stay under
 * its port's bars, in a second colour where the reference disagrees with LL2.
 * Colours keep 4.5:1 against each theme's background.
 */
export const REFERENCE_STYLE = {
  colour: { light: '#2f5d8a', dark: '#8cc4ff' } as Readonly<Record<ThemeName, string>>,
  conflictColour: { light: '#a34700', dark: '#ffb366' } as Readonly<Record<ThemeName, string>>,
  /** Line thickness, px. */
  heightPx: 3,
  label: 'Reference record (NASA RP-1357 compilation)',
  conflictLabel: 'Reference record that disagrees with LL2',
} as const

/** How a still-docked bar's open end is drawn: it fades out over the last px. */
export const OPEN_END_STYLE = {
  fadePx: 28,
  label: 'Still docked (open end)',
} as const

/**
 * A stay with no departure at a station that has re-entered: the bar stops
 * at the deorbit date with a closing rule, where a still-docked bar fades.
 */
export const UNKNOWN_END_STYLE = {
  /** Width of the closing rule, px; it reaches this far above and below the bar. */
  rulePx: 3,
  label: 'Departure unknown (the bar ends at the latest it can)',
} as const

/** The corner mark on a bar a data check flags. */
export const FLAG_STYLE = {
  colour: { light: '#a15c00', dark: '#ffb347' } as Readonly<Record<ThemeName, string>>,
  /** Side of the corner triangle, px. */
  size: 8,
  label: 'Flagged by a data check',
} as const

/** The line joining the legs of one visit (a relocation between ports). */
export const VISIT_STYLE = {
  lineWidth: 1.5,
  label: 'Legs of one visit (relocation)',
} as const

/** A CSS-class-safe slug of a family name, e.g. "TKS/Cosmos" → "tkscosmos". */
export function familySlug(family: VehicleFamily): string {
  return family.replace(/[^a-z0-9]/gi, '').toLowerCase()
}

/**
 * Role styles under the name the export module reads (`ROLE_PATTERNS[role].label`).
 *
 * Same object as `ROLE_STYLES`; kept so the SVG export and the screen share one table.
 */
export const ROLE_PATTERNS: Readonly<Record<VehicleRole, RoleStyle>> = ROLE_STYLES
