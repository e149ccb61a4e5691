/**
 * The non-bar colours of an exported figure: paper, ink, grid and rules.
 *
 * Bars take their colours from `shared/chart/style.ts`, as on screen; these
 * match the app's own light and dark surfaces (`renderer/styles/app.css`), so
 * "current theme" exports look like the window.
 */
import type { ThemeName } from '../chart/style'

/** Colours of everything in a figure but the bars. */
export interface ExportPalette {
  readonly background: string
  readonly text: string
  readonly mutedText: string
  /** Vertical grid lines at axis ticks. */
  readonly grid: string
  /** The axis line and tick marks. */
  readonly axis: string
  /** Background of a station's header row. */
  readonly stationBand: string
  /** Background of every other port row, to guide the eye along a row. */
  readonly rowStripe: string
  /** Rules between stations and above the footer. */
  readonly rule: string
  /** The arrowhead past a still-docked bar's end. */
  readonly openMarker: string
}

/** Palettes per theme; the light one is the print theme. */
export const EXPORT_PALETTES: Readonly<Record<ThemeName, ExportPalette>> = {
  light: {
    background: '#ffffff',
    text: '#1b1f24',
    mutedText: '#4f5a65',
    grid: '#e3e7eb',
    axis: '#5b6570',
    stationBand: '#eef1f4',
    rowStripe: '#f8f9fb',
    rule: '#ccd3da',
    openMarker: '#1b1f24',
  },
  dark: {
    background: '#15181c',
    text: '#e6e9ed',
    mutedText: '#a7b1bc',
    grid: '#2a3037',
    axis: '#9aa5b1',
    stationBand: '#1e2227',
    rowStripe: '#191d22',
    rule: '#39414a',
    openMarker: '#e6e9ed',
  },
}
