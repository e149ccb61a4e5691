/** The time axis of an exported figure: grid lines through the plot and tick labels around it. */
import { END, group, type Box, type DisplayItem } from './display-list'
import { line, PAD, SMALL_SIZE, text, textWidth, type Frame } from './figure-text'
import { num } from '../export/svg-escape'
import type { AxisTicks, TimeScale } from '../export/time-axis'

/** Grid lines through the plot and tick labels above it (and below a tall plot). */
export function drawAxis(
  f: Frame,
  scale: TimeScale,
  ticks: AxisTicks,
  plot: Box,
  grid: DisplayItem[],
  axis: DisplayItem[],
): boolean {
  const { pal, width } = f
  const plotTop = plot.y
  const plotBottom = plot.y + plot.h
  const bottomAxis = plot.h > 360
  const tickText = (x: number, y: number, label: string) => {
    const w = textWidth(label, SMALL_SIZE)
    return text(x, y, label, SMALL_SIZE, pal.text, {
      anchor: x + w / 2 > width - 2 ? 'end' : 'middle',
    })
  }
  for (const t of ticks.ticks) {
    const x = scale.xOf(t.t)
    grid.push(line(x, plotTop, x, plotBottom, pal.grid))
    axis.push(
      group({ meta: { cls: 'tick', data: { t: t.t, x: num(x) } } }),
      line(x, plotTop - 5, x, plotTop, pal.axis),
      tickText(x, plotTop - 8, t.label),
    )
    if (bottomAxis)
      axis.push(
        line(x, plotBottom, x, plotBottom + 5, pal.axis),
        tickText(x, plotBottom + 16, t.label),
      )
    axis.push(END)
  }
  axis.push(
    line(plot.x, plotTop, plot.x + plot.w, plotTop, pal.axis),
    line(plot.x, plotBottom, plot.x + plot.w, plotBottom, pal.axis),
    text(PAD + 2, plotTop - 8, 'Time (UTC)', SMALL_SIZE, pal.mutedText),
  )
  return bottomAxis
}
