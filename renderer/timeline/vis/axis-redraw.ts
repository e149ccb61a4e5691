/**
 * Trims vis-timeline's time-axis redraw on zoom and pan frames.
 *
 * vis's TimeAxis re-measures a hidden "0" (clientWidth, clientHeight: a
 * forced layout) and rewrites every label's innerHTML on every frame, even
 * when a pan moved the labels without changing their text. Here the
 * character size is measured once until `invalidate` (a resize, a theme or
 * zone change), and a label whose text is still shown keeps its DOM (it is
 * found among the last frame's labels by its text): only its position and
 * class are written, as vis would. A label whose text changes gets it as
 * text: vis runs every label through an XSS filter and the HTML parser, the
 * most of a zoom frame's axis work, for a date or a number.
 */

/** The vis-timeline 8.5 TimeAxis internals this relies on (typed in no declaration). */
export interface TimeAxisInternals {
  props: Record<string, number>
  readonly options: {
    readonly showMinorLabels: boolean
    readonly showMajorLabels: boolean
    readonly orientation: { readonly axis: string }
  }
  readonly body: {
    readonly dom: { readonly top: HTMLElement; readonly bottom: HTMLElement }
    readonly domProps: {
      readonly root: { readonly height: number }
      readonly top: { readonly height: number }
      readonly bottom: { readonly height: number }
    }
  }
  readonly dom: {
    readonly foreground: HTMLElement
    readonly redundant: { minorTexts: HTMLElement[]; majorTexts: HTMLElement[] }
    minorTexts: HTMLElement[]
    majorTexts: HTMLElement[]
  }
  redraw(): boolean
  _calculateCharSize(): void
  _repaintLabels(): void
  _isResized(): boolean
  _repaintMinorText(x: number, text: string, orientation: string, className: string): HTMLElement
  _repaintMajorText(x: number, text: string, orientation: string, className: string): HTMLElement
  _setXY(label: HTMLElement, x: number, y: number): void
  _repaintMinorLine(x: number, width: number, orientation: string, className: string): HTMLElement
  _repaintMajorLine(x: number, width: number, orientation: string, className: string): HTMLElement
}

/** The text vis last wrote into a label, kept on the element. */
type Labelled = HTMLElement & { __dtText?: string }

const SIZES = ['minorCharHeight', 'minorCharWidth', 'majorCharHeight', 'majorCharWidth'] as const

export class AxisRedraw {
  private measured = false

  constructor(axis: TimeAxisInternals) {
    const redraw = axis.redraw.bind(axis)
    axis.redraw = () =>
      axis.dom.foreground.parentNode === parentOf(axis) ? inPlace(axis) : redraw()
    const measure = axis._calculateCharSize.bind(axis)
    const minor = axis._repaintMinorText.bind(axis)
    const major = axis._repaintMajorText.bind(axis)
    axis._calculateCharSize = () => {
      if (this.measured) return
      measure()
      // A chart drawn while hidden measures zero: measure again next frame.
      this.measured = SIZES.every((k) => (axis.props[k] ?? 0) > 0)
    }
    axis._repaintMinorText = (x, text, orientation, className) => {
      const left = axis.dom.redundant.minorTexts
      const label = takeLabel(left, text) ?? relabel(left, axis.dom.foreground, text, false)
      if (!label) return remember(minor(x, text, orientation, className), text)
      axis.dom.minorTexts.push(label)
      axis._setXY(label, x, orientation === 'top' ? axis.props.majorLabelHeight! : 0)
      label.className = `vis-text vis-minor ${className}`
      return label
    }
    axis._repaintMajorText = (x, text, orientation, className) => {
      const left = axis.dom.redundant.majorTexts
      const label = takeLabel(left, text) ?? relabel(left, axis.dom.foreground, text, true)
      if (!label) return remember(major(x, text, orientation, className), text)
      label.className = `vis-text vis-major ${className}`
      axis._setXY(label, x, orientation === 'top' ? 0 : axis.props.minorLabelHeight!)
      axis.dom.majorTexts.push(label)
      return label
    }
  }

  /** The axis font or the chart's size may have changed: measure again on the next redraw. */
  invalidate(): void {
    this.measured = false
  }
}

const parentOf = (axis: TimeAxisInternals) =>
  axis.options.orientation.axis === 'top' ? axis.body.dom.top : axis.body.dom.bottom

/**
 * vis's TimeAxis.redraw without taking the labels and grid lines out of the
 * page and putting them back, which made Chromium rebuild every one of them
 * each frame. vis's own redraw still runs when the axis has no place yet.
 */
function inPlace(axis: TimeAxisInternals): boolean {
  const { props, options, body } = axis
  axis._calculateCharSize()
  const shown = options.orientation.axis !== 'none'
  props.minorLabelHeight = shown && options.showMinorLabels ? props.minorCharHeight! : 0
  props.majorLabelHeight = shown && options.showMajorLabels ? props.majorCharHeight! : 0
  props.height = props.minorLabelHeight + props.majorLabelHeight
  props.width = axis.dom.foreground.offsetWidth
  const other = options.orientation.axis === 'top' ? body.domProps.bottom : body.domProps.top
  props.minorLineHeight = body.domProps.root.height - props.majorLabelHeight - other.height
  props.minorLineWidth = 1
  props.majorLineHeight = props.minorLineHeight + props.majorLabelHeight
  props.majorLineWidth = 1
  axis.dom.foreground.style.height = `${props.height}px`
  axis._repaintLabels()
  return axis._isResized()
}

/**
 * Takes the label that last showed `text` out of the labels left from the
 * last frame, or none. A pan shifts the labels by one at the edges, so the
 * label that showed a text is seldom the first one left; looking for it
 * (a few dozen at most) keeps every label whose text stays on screen.
 */
function takeLabel(redundant: HTMLElement[], text: string): Labelled | null {
  for (let i = 0; i < redundant.length; i++) {
    const label = redundant[i] as Labelled
    if (label.__dtText === text) return redundant.splice(i, 1)[0] as Labelled
  }
  return null
}

/** Text with no markup in it, which can be written as text: an axis date or number. */
const PLAIN = /^[^<>&]*$/

/**
 * A label left from the last frame, or a new one in the axis, showing
 * `text`, as vis's own would (a major label holds its text in an inner
 * element); null for a text with markup, which vis's own writes.
 */
function relabel(
  redundant: HTMLElement[],
  foreground: HTMLElement,
  text: string,
  inner: boolean,
): Labelled | null {
  if (!PLAIN.test(text)) return null
  let label = redundant.shift() as Labelled | undefined
  if (!label) {
    label = document.createElement('div') as Labelled
    foreground.appendChild(label)
  }
  if (inner) {
    const holder = label.firstElementChild ?? label.appendChild(document.createElement('div'))
    holder.textContent = text
  } else label.textContent = text
  label.__dtText = text
  return label
}

function remember(label: Labelled, text: string): HTMLElement {
  label.__dtText = text
  return label
}
