/**
 * The Analysis view's charts draw one at a time, in the order of the page:
 * the first at once, each of the others in its own task after the view has
 * painted, so the first chart shows without waiting for the rest and the
 * page stays responsive while they draw.
 */
const waiting: Array<{ readonly order: number; readonly draw: () => void }> = []
let pending = false

function drawNext() {
  pending = false
  const next = waiting.shift()
  next?.draw()
  if (waiting.length > 0) later()
}

function later() {
  if (pending) return
  pending = true
  // After the next frame is painted, not before it.
  requestAnimationFrame(() => setTimeout(drawNext, 0))
}

/**
 * Draws now when `order` is 0, else queues the drawing behind the charts
 * above it. Returns a function that takes a queued drawing back.
 */
export function drawInTurn(order: number, draw: () => void): () => void {
  if (order === 0) {
    draw()
    return () => {}
  }
  const entry = { order, draw }
  const at = waiting.findIndex((w) => w.order > order)
  waiting.splice(at < 0 ? waiting.length : at, 0, entry)
  later()
  return () => {
    const i = waiting.indexOf(entry)
    if (i >= 0) waiting.splice(i, 1)
  }
}
