/**
 * Three readings of one keystroke, taken together, and a floor.
 *
 * 1. Stopwatch (comparable with issue #12's 27 ms): from the keydown listener
 *    to the SECOND animation frame after the result count shows the expected
 *    figure. The second frame's callback runs once the frame holding the
 *    result (and the bar canvas's repaint) was produced, so the reading
 *    includes about one frame interval (16.7 ms at 60 Hz; headless
 *    Chromium's frame clock is not exact) plus the wait from keydown to the
 *    next frame: by construction it cannot read much under a frame, however
 *    little the app does.
 * 2. Presented: Chromium's own `EventLatency` of the keydown, from a trace
 *    of category `input` taken while typing (`keyPressLatencies`). It runs
 *    from the key's hardware timestamp to the presentation of the frame that
 *    holds what the key's handlers changed, in microseconds: keystroke to
 *    pixels on screen, with no frame of the instrument's own. The page checks
 *    that this frame holds the result: the count shows in it and the bar
 *    layer laid it out (`canvasFramesLate`). It cannot check the paint
 *    worker's bitmap of the bars, which reaches the display on its own and
 *    can come a frame later (a trace showed it for 2 of 13 typed keys): for
 *    those keys the reading is short of the bars on screen.
 *    (It replaces a reading taken by a task posted from the result's frame,
 *    meant to time the frame's commit: traces showed Chromium holding the
 *    page's posted tasks after a key, on an idle main thread, until the next
 *    frame, so that task read a frame late whatever the app did.)
 * 3. Event Timing (the browser's, what INP is built on): for the keydown and
 *    input entries of the keystroke, the longest `duration`, which runs from
 *    the hardware timestamp to the next paint after its handlers: the same
 *    span as Presented, but rounded to 8 ms, and an observer sees only
 *    entries of 16 ms or more (`durationThreshold` cannot go lower), so a
 *    keystroke with no entry is reported as "under 16 ms".
 *
 * The floor is the same readings on a keystroke that changes nothing the app
 * draws (see FLOOR_KEY in search.bench.ts): what the readings cost with no
 * work to do, so the app's own cost is what lies above it.
 *
 * Strings, not functions: tsx would wrap nested functions in a `__name`
 * helper that does not exist in the page.
 */

/**
 * One keystroke's readings, ms; `eventTiming` is null when no entry reached
 * 16 ms, `presented` when the trace had no latency for the key.
 */
export interface KeyReading {
  readonly stopwatch: number
  readonly presented: number | null
  /** Where `presented` went, by the stages Chromium times inside it; null with no latency. */
  readonly phases: LatencyPhases | null
  readonly eventTiming: number | null
  /** The animation frame after keydown whose callbacks first saw the count (1: the first). */
  readonly countFrame: number
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
 * Arms the page's readings for the next keydown; `window.__dtLatency` then
 * resolves to a KeyReading (without `presented`, which comes from the trace)
 * once the result count shows `count`.
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
        let stopwatch = null, late = null, idle = false;
        const finish = () => {
          if (stopwatch === null || late === null) return;
          // Event Timing entries are queued after the paint that ends them: wait two frames more.
          requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(() => {
            const probe = window.__dtEventTiming;
            probe.entries.push(...probe.observer.takeRecords());
            const mine = probe.entries.filter((e) =>
              (e.name === 'keydown' && e.startTime === hardware) ||
              (e.name === 'input' && e.startTime >= hardware && e.startTime < t0 + 1000));
            const eventTiming = mine.length ? Math.max(...mine.map((e) => e.duration)) : null;
            resolve({ stopwatch, presented: null, phases: null, eventTiming, countFrame, canvasFramesLate: late, canvasIdle: idle });
          }, 0)));
        };
        // Animation frames from keydown on. This callback was asked for before
        // the key's handlers ran, so in each frame it runs before the bar
        // layer's: a layout it sees first in frame n was made in frame n - 1
        // (or in a task between them).
        let frames = 0, countFrame = -1;
        const frame = () => requestAnimationFrame(() => {
          frames++;
          if (countFrame < 0 && ready()) countFrame = frames;
          if (countFrame > 0 && frames === countFrame + 1) stopwatch = performance.now() - t0;
          if (countFrame > 0 && late === null && frames > countFrame) {
            if (canvas && canvas.painted !== paintedBefore) late = frames - 1 - countFrame;
            else if (frames - countFrame > ${CANVAS_WAIT_FRAMES}) { late = 0; idle = true; }
          }
          if (stopwatch !== null && late !== null) finish(); else frame();
        });
        frame();
      }, { capture: true, once: true });
    });
  })()`
}

/**
 * Trace categories holding `EventLatency`: few enough that tracing them does
 * not slow the keystrokes it times.
 */
export const LATENCY_TRACE_CATEGORIES = ['input']

/**
 * A presented reading cut where Chromium's stages inside an EventLatency
 * meet, ms: what the page can change (its handlers and its frame) apart from
 * what it cannot (the compositor's raster and the GPU process's draw and
 * swap, which on a 2-core machine wait for a core).
 */
export interface LatencyPhases {
  /** Hardware time to the page's main thread taking the key. */
  readonly toPage: number
  /** The key's handlers (RendererMainProcessing). */
  readonly handlers: number
  /** Handlers done to the frame's commit: the wait for the next frame and the frame's own main-thread work. */
  readonly toCommit: number
  /** Commit to the compositor frame sent: copy, raster, activation. */
  readonly toSubmit: number
  /** Compositor frame sent to presented: the GPU process's draw and swap. */
  readonly toPresent: number
}

export const PHASE_NAMES: Readonly<Record<keyof LatencyPhases, string>> = {
  toPage: 'to the page',
  handlers: 'handlers',
  toCommit: 'to commit (next frame, its main-thread work)',
  toSubmit: 'commit to submit (raster, activation)',
  toPresent: 'submit to presented (GPU process)',
}

/** One keydown's EventLatency in a trace: its length and its phases, ms. */
export interface KeyLatency {
  readonly ms: number
  readonly phases: LatencyPhases | null
}

/**
 * Each keydown's EventLatency in a trace, in the order the keys were
 * pressed. Its stages are async events with its id, begun and ended in turn
 * inside it; the id is used again by later latencies.
 */
export function keyPressLatencies(trace: Buffer | string): KeyLatency[] {
  interface Ev {
    name: string
    ph: string
    ts: number
    pid: number
    id2?: { local?: string }
    args?: { event_latency?: { event_type?: string } }
  }
  const { traceEvents } = JSON.parse(trace.toString()) as { traceEvents: Ev[] }
  const open = new Map<string, { begin: Ev; marks: Map<string, number> }>()
  const out: Array<{ ts: number; latency: KeyLatency }> = []
  // Stable: a stage that begins as another ends keeps the trace's order.
  const timed = traceEvents
    .filter((e) => (e.ph === 'b' || e.ph === 'e') && e.id2?.local !== undefined)
    .sort((a, b) => a.ts - b.ts)
  for (const e of timed) {
    const key = `${e.pid}:${e.id2?.local}`
    if (e.name === 'EventLatency') {
      if (e.ph === 'b') open.set(key, { begin: e, marks: new Map() })
      else {
        const o = open.get(key)
        open.delete(key)
        if (o?.begin.args?.event_latency?.event_type === 'KEY_PRESSED')
          out.push({ ts: o.begin.ts, latency: latencyOf(o.begin.ts, e.ts, o.marks) })
      }
    } else {
      const o = open.get(key)
      if (o && !o.marks.has(`${e.ph}:${e.name}`)) o.marks.set(`${e.ph}:${e.name}`, e.ts)
    }
  }
  return out.sort((a, b) => a.ts - b.ts).map((l) => l.latency)
}

/** A latency from its ends and its stages' first begin ('b:…') and end ('e:…') times, µs. */
function latencyOf(begin: number, end: number, marks: ReadonlyMap<string, number>): KeyLatency {
  const ms = (end - begin) / 1000
  const main = marks.get('b:RendererMainProcessing')
  const mainDone = marks.get('e:RendererMainProcessing')
  const commit = marks.get('b:Commit')
  const submit = marks.get('b:SubmitCompositorFrameToPresentationCompositorFrame')
  if (main === undefined || mainDone === undefined || commit === undefined || submit === undefined)
    return { ms, phases: null }
  return {
    ms,
    phases: {
      toPage: (main - begin) / 1000,
      handlers: (mainDone - main) / 1000,
      toCommit: (commit - mainDone) / 1000,
      toSubmit: (submit - commit) / 1000,
      toPresent: (end - submit) / 1000,
    },
  }
}

/** The `q` quantile of `xs` (the value at rank ⌈q·n⌉), NaN for none. */
export const quantile = (xs: ReadonlyArray<number>, q: number): number => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)] ?? Number.NaN
}

/** p50 and p95 of a reading; for Event Timing, entries under 16 ms count as 0 (shown "<16"). */
function percentiles(xs: ReadonlyArray<number>): { p50: number; p95: number } {
  return { p50: quantile(xs, 0.5), p95: quantile(xs, 0.95) }
}

const ms = (v: number) => (Number.isNaN(v) ? 'none' : v === 0 ? '<16 ms' : `${v.toFixed(1)} ms`)
const diff = (a: number, b: number) =>
  a === 0 || b === 0 || Number.isNaN(a - b) ? '—' : `${(a - b).toFixed(1)} ms`

export type Reading = 'stopwatch' | 'presented' | 'eventTiming'

const READINGS: ReadonlyArray<{ key: Reading; name: string; means: string }> = [
  {
    key: 'stopwatch',
    name: 'stopwatch',
    means: 'keydown listener → 2nd rAF after the count shows (headline; issue #12 said 27 ms)',
  },
  {
    key: 'presented',
    name: 'presented',
    means:
      "Chromium's EventLatency: the key's hardware time → the frame with the count on screen (the worker's bars may follow a frame later)",
  },
  {
    key: 'eventTiming',
    name: 'Event Timing',
    means:
      "max duration of the key's keydown/input entries: hardware time → next paint (8 ms steps)",
  },
]

/** A reading's values; a missing Event Timing entry counts as 0 (under 16 ms), a missing latency not at all. */
export const valuesOf = (rs: ReadonlyArray<KeyReading>, key: Reading): number[] =>
  key === 'eventTiming'
    ? rs.map((r) => r.eventTiming ?? 0)
    : rs.flatMap((r) => (r[key] === null ? [] : [r[key]]))

/**
 * Where the presented time goes: each phase's median over the typed keys,
 * over the slowest tenth of them (what sets the p95), and over each floor's.
 */
function printPhases(typed: ReadonlyArray<KeyReading>, floors: ReadonlyArray<Floor>): void {
  const names = Object.keys(PHASE_NAMES) as Array<keyof LatencyPhases>
  const line = (label: string, rs: ReadonlyArray<KeyReading>) => {
    const phased = rs.flatMap((r) => (r.phases ? [r.phases] : []))
    // A key that changes nothing drawn commits no frame: its latency has no stages to cut.
    if (phased.length === 0) return console.log(`      ${label}: no key committed a frame`)
    const medians = names.map((n) =>
      quantile(
        phased.map((p) => p[n]),
        0.5,
      ).toFixed(1),
    )
    console.log(`      ${label} (n=${phased.length}): ${medians.join(' | ')}`)
  }
  console.log(
    `    where presented goes, medians, ms: ${names.map((n) => PHASE_NAMES[n]).join(' | ')}`,
  )
  line('typed', typed)
  const presented = typed.filter((r) => r.presented !== null)
  const tenth = quantile(
    presented.map((r) => r.presented!),
    0.9,
  )
  line(
    'typed, slowest tenth',
    presented.filter((r) => r.presented! >= tenth),
  )
  for (const f of floors) line(f.name, f.readings)
}

/** A floor's keystrokes and what to call them. */
export interface Floor {
  readonly name: string
  readonly readings: ReadonlyArray<KeyReading>
}

/**
 * Prints each reading for the typed keystrokes and for each floor's, and the
 * app's cost above each floor as the difference of their p50s and p95s (a
 * per-keystroke difference would pair unrelated frame phases).
 */
export function printReadings(
  label: string,
  typed: ReadonlyArray<KeyReading>,
  floors: ReadonlyArray<Floor>,
): Record<Reading, { p50: number; p95: number }> {
  const out = {} as Record<Reading, { p50: number; p95: number }>
  console.log(
    `  ${label}: ${typed.length} typed keystrokes; ${floors.map((f) => `${f.readings.length} ${f.name}`).join(', ')} keystrokes`,
  )
  for (const r of READINGS) {
    const t = percentiles(valuesOf(typed, r.key))
    out[r.key] = t
    console.log(`    ${r.name} (${r.means})`)
    console.log(`      typed p50 ${ms(t.p50)} p95 ${ms(t.p95)}`)
    for (const floor of floors) {
      const f = percentiles(valuesOf(floor.readings, r.key))
      console.log(
        `      ${floor.name} p50 ${ms(f.p50)} p95 ${ms(f.p95)} | typed above it: p50 ${diff(t.p50, f.p50)}, p95 ${diff(t.p95, f.p95)}`,
      )
    }
  }
  printPhases(typed, floors)
  const under = typed.filter((r) => r.eventTiming === null).length
  const unlatched = typed.filter((r) => r.presented === null).length
  const second = typed.filter((r) => r.countFrame > 1).length
  const late = typed.filter((r) => r.canvasFramesLate > 0).length
  const idle = typed.filter((r) => r.canvasIdle).length
  console.log(
    `    typed keystrokes: no Event Timing entry (under 16 ms) ${under}/${typed.length}; no EventLatency in the trace ${unlatched}; count shown after the first frame ${second}; canvas laid out a frame or more after the count ${late}; canvas not repainted ${idle}`,
  )
  return out
}
