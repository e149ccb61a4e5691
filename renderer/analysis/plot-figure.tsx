import * as Plot from '@observablehq/plot'
import { useEffect, useRef } from 'react'

import type { ChartSpec, ChartTarget } from './analysis-charts'
import { drawInTurn } from './draw-queue'

/**
 * One Observable Plot chart, drawn into its box whenever its spec changes.
 * A click takes the datum under the pointer (Plot's `value`) to the timeline.
 */
export function PlotFigure({
  spec,
  label,
  order,
  onNavigate,
}: {
  spec: ChartSpec
  label: string
  /** Place on the page: the first draws at once, the rest after the view has painted. */
  order: number
  onNavigate: (target: ChartTarget) => void
}) {
  const box = useRef<HTMLDivElement>(null)
  const navigate = useRef(onNavigate)
  navigate.current = onNavigate
  useEffect(() => {
    let figure: ((SVGSVGElement | HTMLElement) & { value?: unknown }) | null = null
    const onClick = () => {
      const target = figure?.value == null ? null : spec.targetOf(figure.value)
      if (target) navigate.current(target)
    }
    const cancel = drawInTurn(order, () => {
      figure = Plot.plot(spec.options) as (SVGSVGElement | HTMLElement) & { value?: unknown }
      figure.addEventListener('click', onClick)
      box.current?.replaceChildren(figure)
      box.current?.setAttribute('data-drawn', 'true')
    })
    return () => {
      cancel()
      figure?.removeEventListener('click', onClick)
      figure?.remove()
    }
  }, [spec, order])
  // The chart's height is held while it waits its turn, so the page does not jump.
  return (
    <div
      ref={box}
      className="analysis-plot"
      role="img"
      aria-label={label}
      style={{ minHeight: Number(spec.options.height ?? 0) || undefined }}
    />
  )
}
