import * as Plot from '@observablehq/plot'
import { useEffect, useRef } from 'react'

import type { TimeWindow } from '../../shared/chart/window'
import type { ChartSpec } from './analysis-charts'

/**
 * One Observable Plot chart, drawn into its box whenever its spec changes.
 * A click takes the datum under the pointer (Plot's `value`) to the timeline.
 */
export function PlotFigure({
  spec,
  label,
  onNavigate,
}: {
  spec: ChartSpec
  label: string
  onNavigate: (w: TimeWindow) => void
}) {
  const box = useRef<HTMLDivElement>(null)
  const navigate = useRef(onNavigate)
  navigate.current = onNavigate
  useEffect(() => {
    const figure = Plot.plot(spec.options) as (SVGSVGElement | HTMLElement) & { value?: unknown }
    const onClick = () => {
      const w = figure.value == null ? null : spec.windowOf(figure.value)
      if (w) navigate.current(w)
    }
    figure.addEventListener('click', onClick)
    box.current?.replaceChildren(figure)
    return () => {
      figure.removeEventListener('click', onClick)
      figure.remove()
    }
  }, [spec])
  return <div ref={box} className="analysis-plot" role="img" aria-label={label} />
}
