import { useEffect, useMemo } from 'react'

import {
  familySlug,
  FLAG_STYLE,
  OPEN_END_STYLE,
  OVERLAP_STYLE,
  REFERENCE_STYLE,
  ROLE_STYLE_LIST,
  type ThemeName,
  UNKNOWN_END_STYLE,
  VISIT_STYLE,
} from '../../../shared/chart/style'
import { VEHICLE_FAMILIES } from '../../../shared/domain/vehicle-family'
import { selectBars, selectDenseRuns } from '../../state/selectors'
import { useAppStore } from '../../state/store'
import { useResolvedTheme } from '../../theme/theme'
import { installChartStyles } from './legend-css'

/**
 * What the colours and patterns mean: families present in the chart, every
 * role (told apart by pattern and outline, not hue), overlaps, open and
 * unknown ends, flagged bars and the connectors between a visit's legs.
 */
export function Legend() {
  const bars = useAppStore(selectBars)
  const denseRuns = useAppStore(selectDenseRuns)
  const showReference = useAppStore((s) => s.showReference)
  const theme = useResolvedTheme()
  useEffect(installChartStyles, [])
  const present = useMemo(() => {
    const families = new Set(bars.map((b) => b.family))
    return VEHICLE_FAMILIES.filter((f) => families.has(f))
  }, [bars])
  return (
    <section className="legend" aria-label="Legend">
      <ul className="legend-list" aria-label="Vehicle families (colour)">
        {present.map((f) => (
          <li key={f}>
            <span
              className={`legend-swatch family-${familySlug(f)} role-crew`}
              aria-hidden="true"
            />
            {f}
          </li>
        ))}
      </ul>
      <ul className="legend-list" aria-label="Vehicle roles (pattern and outline)">
        {ROLE_STYLE_LIST.map((r) => (
          <li key={r.role}>
            <span className={`legend-swatch family-other role-${r.role}`} aria-hidden="true" />
            {r.label}
          </li>
        ))}
        <li>
          <span className="legend-swatch legend-open family-other role-crew" aria-hidden="true" />
          {OPEN_END_STYLE.label}
        </li>
        <li>
          <span
            className="legend-swatch legend-unknown-end family-other role-crew"
            aria-hidden="true"
          />
          {UNKNOWN_END_STYLE.label}
        </li>
        <li>
          <span className="legend-swatch overlap-hatch" aria-hidden="true" />
          {OVERLAP_STYLE.label}
        </li>
        {showReference && (
          <>
            <li data-testid="legend-reference">
              <ReferenceSwatch colours={REFERENCE_STYLE.colour} theme={theme} />
              {REFERENCE_STYLE.label}
            </li>
            <li>
              <ReferenceSwatch colours={REFERENCE_STYLE.conflictColour} theme={theme} />
              {REFERENCE_STYLE.conflictLabel}
            </li>
          </>
        )}
        <li>
          <span
            className="legend-swatch legend-flagged family-other role-crew"
            aria-hidden="true"
          />
          {FLAG_STYLE.label}
        </li>
        <li>
          <span className="legend-visit" aria-hidden="true" />
          {VISIT_STYLE.label}
        </li>
        {denseRuns > 0 && (
          <li>
            <span className="legend-swatch bar-run" aria-hidden="true" />
            Too dense to draw apart: shaded by time docked; zoom in
          </li>
        )}
      </ul>
    </section>
  )
}

/** A reference line's swatch in the colour of the theme the page is drawn in. */
function ReferenceSwatch({
  colours,
  theme,
}: {
  readonly colours: Readonly<Record<ThemeName, string>>
  readonly theme: ThemeName
}) {
  return (
    <span
      className="legend-swatch reference-line"
      style={{ background: colours[theme] }}
      aria-hidden="true"
    />
  )
}
