/**
 * Three readings of one keystroke in the page, taken together, and a floor.
 *
 * 1. Stopwatch (the headline, comparable with issue #12's 27 ms): from the
 *    keydown listener to the SECOND animation frame after the result count
 *    shows the expected figure. The second frame's callback runs once the
 *    frame holding the result (and the bar canvas's repaint) was produced, so
 *    the reading includes about one frame interval (16.7 ms at 60 Hz; headless
 *    Chromium's frame clock is not exact) plus the wait from keydown to the
 *    next frame (0 to 16.7 ms, random phase): by construction it cannot read
 *    much under a frame, however little the app does.
 * 2. Frame committed: from the keydown listener to a task posted from the
 *    animation frame where the count shows the figure and the bar layer has
 *    laid out a new frame since keydown (the paint worker rasterises it
 *    alongside; see renderer/timeline/canvas/canvas-painter.ts). A task posted in a frame's callbacks runs after
 *    that frame's style, layout, paint and commit on the main thread, so this
 *    is when the frame with the result left the main thread (the compositor
 *    and display come after it and are not counted). The task is posted with
 *    `scheduler.postTask` at 'user-blocking' priority where the browser has it,
 *    else as a MessageChannel message: React's scheduler queues its deferred
 *    renders as MessageChannel messages during the keystroke, and a plain
 *    message would wait behind the first of them.
 * 3. Event Timing (the browser's own, what INP is built on): for the keydown
 *    and input entries of the keystroke, the longest `duration`, which runs
 *    from the event's hardware timestamp to the next paint after its
 *    handlers. Chromium rounds durations to 8 ms, and an observer sees only
 *    entries of 16 ms or more (`durationThreshold` cannot go lower), so a
 *    keystroke with no entry is reported as "under 16 ms".
 *
 * The floor is the same three readings on a keystroke that changes nothing
 * the app draws (see FLOOR_KEY in search.bench.ts): what the readings cost
 * with no work to do, so the app's own cost is what lies above it.
 *
 * Strings, not functions: tsx would wrap nested functions in a `__name`
 * helper that does not exist in the page.
 */

/** One keystroke's readings, ms; `eventTiming` is null when no entry reached 16 ms. */
export interface KeyReading {
  readonly stopwatch: number
  readonly committed: number
  readonly eventTiming: number | null
  /** Frames from the one where the count showed to the one where the canvas repainted (0: same). */
  readonly canvasFramesLate: number
  /** True when the canvas did not repaint within a few frames of the count (no bar changed). */
  readonly canvasIdle: boolean
}

/** Installs the Event Timing observer once per page; buffered keeps entries from before it. */
export const INSTALL_PROBE = `(() => {
  if (window.__dtEventTiming) return;
  const entries = [];
  const observer = new PerformanceObserver((list) => { entries.push(...list.getEntries()); });
  observer.observe({ type: 'event', durationThreshold: 16, buffered: true });
  window.__dtEventTiming = { entries, observer };
})()`

/** Frames to wait after the count for a canvas repaint before calling the canvas idle. */
const CANVAS_WAIT_FRAMES = 3

/**
 * Arms the three readings for the next keydown; `window.__dtLatency` then
 * resolves to a KeyReading once the result count shows `count`.
 */
export function armKeystroke(count: number): string {
  return `(() => {
    window.__dtLatency = new Promise((resolve) => {
      window.addEventListener('keydown', (event) => {
        const t0 = performance.now();
        const hardware = event.timeStamp;
        const el = document.querySelector('[data-testid="result-count"]');
        const canvas = document.querySelector('[data-testid="bar-canvas"]');
        const paintedBefore = canvas && canvas.painted;
        const ready = () => {
          const text = (el && el.textContent) || '';
          return ${count} === 0 ? text.startsWith('No dockings') : text.startsWith('${count} ');
        };
        let stopwatch = null, committed = null, late = 0, idle = false;
        const finish = () => {
          if (stopwatch === null || committed === null) return;
          // Event Timing entries are queued after the paint that ends them: wait two frames more.
          requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(() => {
            const probe = window.__dtEventTiming;
            probe.entries.push(...probe.observer.takeRecords());
            const mine = probe.entries.filter((e) =>
              (e.name === 'keydown' && e.startTime === hardware) ||
              (e.name === 'input' && e.startTime >= hardware && e.startTime < t0 + 1000));
            const eventTiming = mine.length ? Math.max(...mine.map((e) => e.duration)) : null;
            resolve({ stopwatch, committed, eventTiming, canvasFramesLate: late, canvasIdle: idle });
          }, 0)));
        };
        // 1. The stopwatch, as it always was.
        const frame = () => requestAnimationFrame(() => {
          if (!ready()) { frame(); return; }
          requestAnimationFrame(() => { stopwatch = performance.now() - t0; finish(); });
        });
        frame();
        // 2. Frame committed: a task after the frame with the count and the canvas repaint.
        const channel = new MessageChannel();
        const post = window.scheduler && scheduler.postTask
          ? () => scheduler.postTask(() => channel.port1.onmessage(), { priority: 'user-blocking' })
          : () => channel.port2.postMessage(null);
        let frames = 0, countFrame = -1, countCommitted = null;
        const commitFrame = () => requestAnimationFrame(() => {
          frames++;
          if (countFrame < 0) {
            if (!ready()) { commitFrame(); return; }
            countFrame = frames;
          }
          post();
        });
        channel.port1.onmessage = () => {
          const now = performance.now() - t0;
          // Messages are posted only from the count's frame on: the first is that frame's.
          if (countCommitted === null) countCommitted = now;
          if (canvas && canvas.painted !== paintedBefore) {
            committed = now;
            late = frames - countFrame;
          } else if (frames - countFrame >= ${CANVAS_WAIT_FRAMES}) {
            committed = countCommitted;
            idle = true;
          } else { commitFrame(); return; }
          channel.port1.close();
          finish();
        };
        commitFrame();
      }, { capture: true, once: true });
    });
  })()`
}

const quantile = (xs: ReadonlyArray<number>, q: number): number => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)] ?? Number.NaN
}

/** p50 and p95 of a reading; for Event Timing, entries under 16 ms count as 0 (shown "<16"). */
function percentiles(xs: ReadonlyArray<number>): { p50: number; p95: number } {
  return { p50: quantile(xs, 0.5), p95: quantile(xs, 0.95) }
}

const ms = (v: number) => (v === 0 ? '<16 ms' : `${v.toFixed(1)} ms`)
const diff = (a: number, b: number) => (a === 0 || b === 0 ? '—' : `${(a - b).toFixed(1)} ms`)

type Reading = 'stopwatch' | 'committed' | 'eventTiming'

const READINGS: ReadonlyArray<{ key: Reading; name: string; means: string }> = [
  {
    key: 'stopwatch',
    name: 'stopwatch',
    means: 'keydown listener → 2nd rAF after the count shows (headline; issue #12 said 27 ms)',
  },
  {
    key: 'committed',
    name: 'frame committed',
    means: 'keydown listener → task after the main-thread paint of the frame with count + bars',
  },
  {
    key: 'eventTiming',
    name: 'Event Timing',
    means:
      "max duration of the key's keydown/input entries: hardware time → next paint (8 ms steps)",
  },
]

const valuesOf = (rs: ReadonlyArray<KeyReading>, key: Reading) =>
  rs.map((r) => (key === 'eventTiming' ? (r.eventTiming ?? 0) : r[key]))

/**
 * Prints each reading for the typed keystrokes and the floor keystrokes, and
 * the app's cost above the floor as the difference of their p50s and p95s
 * (a per-keystroke difference would pair unrelated frame phases).
 */
export function printReadings(
  label: string,
  typed: ReadonlyArray<KeyReading>,
  floor: ReadonlyArray<KeyReading>,
): Record<Reading, { p50: number; p95: number }> {
  const out = {} as Record<Reading, { p50: number; p95: number }>
  console.log(`  ${label}: ${typed.length} typed keystrokes, ${floor.length} floor keystrokes`)
  for (const r of READINGS) {
    const t = percentiles(valuesOf(typed, r.key))
    const f = percentiles(valuesOf(floor, r.key))
    out[r.key] = t
    console.log(`    ${r.name} (${r.means})`)
    console.log(
      `      typed p50 ${ms(t.p50)} p95 ${ms(t.p95)} | floor p50 ${ms(f.p50)} p95 ${ms(f.p95)} | above floor: p50 ${diff(t.p50, f.p50)}, p95 ${diff(t.p95, f.p95)}`,
    )
  }
  const under = typed.filter((r) => r.eventTiming === null).length
  const late = typed.filter((r) => r.canvasFramesLate > 0).length
  const idle = typed.filter((r) => r.canvasIdle).length
  console.log(
    `    typed keystrokes with no Event Timing entry (under 16 ms): ${under}/${typed.length}; canvas repainted a frame or more after the count: ${late}; canvas not repainted: ${idle}`,
  )
  return out
}
