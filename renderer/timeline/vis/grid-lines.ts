/**
 * Takes vis-timeline's vertical grid lines off the chart: they are painted on
 * the bar canvas (`shared/chart/row-backdrop.ts`) from where vis placed them.
 *
 * vis draws each line as a page element from the time axis down through
 * every row, moved on every frame of a zoom or pan, which made Chromium
 * repaint the page under the whole chart each frame. Here each line keeps
 * only its part in the axis (the chart's axis is on top, vis-options.ts),
 * and where vis put it is kept for the canvas's next frame.
 */
import type { GridLine } from '../../../shared/chart/row-backdrop'
import type { TimeAxisInternals } from './axis-redraw'

export class GridLines {
  private drawn: ReadonlyArray<GridLine> = []
  private drawing: GridLine[] = []

  constructor(axis: TimeAxisInternals) {
    const labels = axis._repaintLabels.bind(axis)
    const minor = axis._repaintMinorLine.bind(axis)
    const major = axis._repaintMajorLine.bind(axis)
    axis._repaintLabels = () => {
      this.drawing = []
      labels()
      this.drawn = this.drawing
    }
    axis._repaintMinorLine = (x, width, orientation, className) => {
      const line = minor(x, width, orientation, className)
      this.drawing.push({ x, major: false })
      if (orientation === 'top') line.style.height = `${axis.props.minorLabelHeight}px`
      return line
    }
    axis._repaintMajorLine = (x, width, orientation, className) => {
      const line = major(x, width, orientation, className)
      this.drawing.push({ x, major: true })
      if (orientation === 'top') line.style.height = `${axis.props.height}px`
      return line
    }
  }

  /** The lines of vis's last axis redraw, left to right. */
  get lines(): ReadonlyArray<GridLine> {
    return this.drawn
  }
}
