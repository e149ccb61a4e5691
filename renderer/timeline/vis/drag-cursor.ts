/**
 * The "move" cursor of a chart drag, without restyling the whole chart.
 *
 * vis-timeline shows it by writing `cursor` on its root element when a drag
 * starts, and "auto" when it ends. The cursor is inherited, so each write
 * made Chromium restyle every element of the chart: about 1,400 at 200 ports
 * (all the row labels and row backgrounds), 7–14 ms of one frame, twice a
 * drag. Here the root's `cursor` is taken over: a drag shows a bare element
 * over the chart that carries the cursor instead. vis follows the drag's
 * pointer on the window, so the element over the chart does not stop it.
 */
export class DragCursor {
  private readonly shield = document.createElement('div')
  private readonly taken: boolean

  constructor(private readonly root: HTMLElement) {
    this.shield.className = 'drag-cursor'
    this.shield.hidden = true
    this.shield.setAttribute('aria-hidden', 'true')
    root.appendChild(this.shield)
    try {
      Object.defineProperty(root.style, 'cursor', {
        configurable: true,
        get: () => (this.shield.hidden ? '' : 'move'),
        set: (value: string) => {
          this.shield.hidden = value !== 'move'
        },
      })
      this.taken = true
    } catch {
      // A browser that will not let it be taken over keeps vis's own cursor.
      this.taken = false
      this.shield.remove()
    }
  }

  destroy(): void {
    if (this.taken) delete (this.root.style as unknown as Record<string, unknown>).cursor
    this.shield.remove()
  }
}
