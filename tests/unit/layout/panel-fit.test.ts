import { describe, expect, it } from 'vitest'

import {
  CHART_CHROME,
  fitPanels,
  labelMaxFor,
  PLOT_SHARE,
  RAIL_WIDTH,
  SEPARATOR_WIDTH,
  SQUEEZE_MIN,
  type PanelWish,
  type WorkspaceFit,
} from '../../../renderer/layout/panel-fit'

const open = (width: number): PanelWish => ({ width, collapsed: false, present: true })
const folded = (width: number): PanelWish => ({ width, collapsed: true, present: true })
const absent: PanelWish = { width: 320, collapsed: false, present: false }

/** What the chart's plot is left with: window minus panels, rails, handles, labels and chrome. */
function plotWidth(windowWidth: number, fit: WorkspaceFit, present = 2): number {
  const panels = [fit.filters, fit.details]
  const openOnes = panels.filter((p) => p.open)
  const used =
    openOnes.reduce((n, p) => n + p.width + SEPARATOR_WIDTH, 0) +
    (present - openOnes.length) * RAIL_WIDTH
  return windowWidth - used - fit.labelMax - CHART_CHROME
}

describe('fitPanels', () => {
  for (const [w, h] of [
    [1024, 700],
    [1400, 900],
    [1920, 1080],
    [2560, 1440],
  ] as const) {
    it(`leaves the plot ${PLOT_SHARE * 100} % of a ${w}x${h} window with both panels asked open`, () => {
      const fit = fitPanels(w, { filters: open(300), details: open(400) }, 'details')
      expect(plotWidth(w, fit)).toBeGreaterThanOrEqual(w * PLOT_SHARE)
      // The panel the user turned to last is the one that stays.
      expect(fit.details.open).toBe(true)
      expect(fit.details.width).toBeGreaterThanOrEqual(SQUEEZE_MIN)
    })
  }

  it('keeps chosen widths when the window has room for them', () => {
    const fit = fitPanels(2560, { filters: open(260), details: open(320) }, 'details')
    expect(fit.filters).toEqual({ width: 260, open: true, squeezedShut: false })
    expect(fit.details).toEqual({ width: 320, open: true, squeezedShut: false })
  })

  it('shrinks both toward the squeeze limit before folding either', () => {
    const fit = fitPanels(1920, { filters: open(260), details: open(320) }, 'details')
    expect(fit.filters.open && fit.details.open).toBe(true)
    expect(fit.filters.width).toBeLessThan(260)
    expect(fit.details.width).toBeLessThan(320)
    expect(Math.min(fit.filters.width, fit.details.width)).toBeGreaterThanOrEqual(SQUEEZE_MIN)
  })

  it('folds the panel the user did not turn to last when both cannot fit, and says so', () => {
    const toDetails = fitPanels(1024, { filters: open(260), details: open(320) }, 'details')
    expect(toDetails.filters).toEqual({ width: 0, open: false, squeezedShut: true })
    expect(toDetails.details.open).toBe(true)
    const toFilters = fitPanels(1024, { filters: open(260), details: open(320) }, 'filters')
    expect(toFilters.details.squeezedShut).toBe(true)
    expect(toFilters.filters.open).toBe(true)
  })

  it('gives a folded panel no width and an absent one no rail', () => {
    const fit = fitPanels(1400, { filters: folded(260), details: absent }, 'details')
    expect(fit.filters).toEqual({ width: 0, open: false, squeezedShut: false })
    expect(fit.details).toEqual({ width: 0, open: false, squeezedShut: false })
    expect(plotWidth(1400, fit, 1)).toBeGreaterThan(1400 * 0.75)
  })

  it('folds everything rather than squeeze a panel below the limit in a tiny window', () => {
    const fit = fitPanels(500, { filters: open(260), details: open(320) }, 'details')
    expect(fit.filters.open || fit.details.open).toBe(false)
  })

  it('caps row labels by window width', () => {
    expect(labelMaxFor(1024)).toBeLessThan(labelMaxFor(1920))
    expect(labelMaxFor(800)).toBe(120)
    expect(labelMaxFor(4000)).toBe(240)
  })
})
