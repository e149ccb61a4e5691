/**
 * The bar canvas's theme as the page resolves it: colours, label font and
 * pattern tiles, read from the page's CSS once per theme.
 */
import type { BarInk } from '../../../shared/chart/bar-display-list'
import type { BackdropInk } from '../../../shared/chart/row-backdrop'
import { font, type Font } from '../../../shared/chart/display-list'
import { chartPatterns, type PatternTile } from '../../../shared/chart/patterns'
import type { ThemeName } from '../../../shared/chart/style'

/** Bar label size on screen, px. */
const LABEL_PX = 13
/** Bar corner radius on screen, px. */
export const BAR_RADIUS = 3

/** The theme's colours as the page resolves them, its label font, and its pattern tiles. */
export interface Palette {
  readonly ink: BarInk
  /** The page, grid, station bands and row rules under the bars (timeline.css names all but the page). */
  readonly backdrop: BackdropInk
  readonly font: Font
  /** The pattern tiles, as data: the painter makes its canvas patterns of them, the SVG writer its own. */
  readonly tiles: ReadonlyArray<PatternTile>
}

/** The bar labels' font: the size the chart writes them at, in the family and weight `host` is set in. */
export function labelFont(host: HTMLElement): Font {
  const style = getComputedStyle(host)
  const weight = Number(style.fontWeight)
  return font(style.fontFamily, LABEL_PX, Number.isFinite(weight) ? weight : 'normal')
}

/** Reads a CSS colour as the page resolves it (custom properties, light-dark(), color-mix()). */
export function resolveColours(
  host: HTMLElement,
  values: Readonly<Record<string, string>>,
): Record<string, string> {
  const probe = document.createElement('span')
  probe.style.display = 'none'
  host.appendChild(probe)
  const out: Record<string, string> = {}
  for (const [k, v] of Object.entries(values)) {
    probe.style.color = v
    out[k] = getComputedStyle(probe).color
  }
  probe.remove()
  return out
}

/** The palette for the theme `host` is shown in. */
export function readPalette(host: HTMLElement, theme: ThemeName): Palette {
  const c = resolveColours(host, {
    fg: 'var(--fg)',
    bg: 'var(--bg)',
    focus: 'var(--focus)',
    match: 'var(--match, #ffd54f)',
    matchFg: 'var(--match-fg, #1b1f24)',
    runFill: 'color-mix(in srgb, var(--fg) 60%, var(--bg))',
    minorGrid: 'var(--grid-minor)',
    majorGrid: 'var(--grid-major)',
    rowRule: 'var(--row-rule)',
    stationBand: 'var(--station-band)',
  })
  return {
    ink: {
      theme,
      fg: c.fg!,
      bg: c.bg!,
      focus: c.focus!,
      match: c.match!,
      matchFg: c.matchFg!,
      runFill: c.runFill!,
    },
    backdrop: {
      page: c.bg!,
      minorGrid: c.minorGrid!,
      majorGrid: c.majorGrid!,
      rowRule: c.rowRule!,
      stationBand: c.stationBand!,
    },
    font: labelFont(host),
    tiles: chartPatterns(theme),
  }
}
