/**
 * One rule for "is this the same vehicle?", shared by visits (one vehicle's
 * legs at a station) and by the reference comparison (LL2 against NASA's
 * record), which spell names differently: "Soyuz T-5", "Soyuz-T 5" and
 * "soyuz t-5" are one spacecraft.
 *
 * A Shuttle flight named by its mission ("STS-71 (Atlantis)", as the Mir
 * reference writes it) is its orbiter, as LL2 names it ("Space Shuttle
 * Atlantis"): the orbiter is the spacecraft that docked.
 */
export function vehicleKey(name: string): string {
  // Names repeat across thousands of events and the normalising regexes
  // dominate visit building, so each distinct name is worked out once.
  const known = keys.get(name)
  if (known !== undefined) return known
  if (keys.size >= MAX_REMEMBERED) keys.clear()
  const key = keyOf(name)
  keys.set(name, key)
  return key
}

const keys = new Map<string, string>()
const MAX_REMEMBERED = 100_000

/**
 * Each item's vehicle as a small integer, equal exactly where `vehicleKey`
 * is equal. Visits compare vehicles per event, and an integer compares and
 * indexes without hashing a name string each time (string-keyed lookups were
 * most of the cost of building visits). The numbers are only comparable
 * within one call's answer: the tables behind them may be reset between calls.
 * Written into `out` when given (at least as long as `items`; a caller's
 * reused column), else into a new array.
 */
export function vehicleKeyIds(
  items: ReadonlyArray<{ readonly vehicle: string }>,
  out: Int32Array = new Int32Array(items.length),
): Int32Array {
  if (nameIds.size + items.length > MAX_REMEMBERED) {
    nameIds.clear()
    keyIds.clear()
  }
  for (let i = 0; i < items.length; i++) {
    const name = items[i]!.vehicle
    let id = nameIds.get(name)
    if (id === undefined) {
      const key = vehicleKey(name)
      id = keyIds.get(key) ?? keyIds.size
      keyIds.set(key, id)
      nameIds.set(name, id)
    }
    out[i] = id
  }
  return out
}

const nameIds = new Map<string, number>()
const keyIds = new Map<string, number>()

function keyOf(name: string): string {
  const key = name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2010-\u2015_-]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
  const shuttle = /^sts \d+[a-z]? \((atlantis|challenger|columbia|discovery|endeavour)\)$/.exec(key)
  return shuttle ? `space shuttle ${shuttle[1]}` : key
}

/**
 * A trailing dedication in parentheses or quotes, as LL2 names Cygnus ships:
 * "Cygnus CRS NG-24 (S.S. Steven R. Nagel)", 'Cygnus NG-11 "S.S. Roger Chaffee"'.
 */
const DEDICATION = /\s+(?:\([^()]*\)|"[^"]*"|“[^”]*”)$/u
const [CLOSE_PAREN, QUOTE, CLOSE_QUOTE] = [')', '"', '”'].map((c) => c.charCodeAt(0))

/**
 * The name without its trailing dedication ("Cygnus CRS NG-24"), the mission
 * that names the flight; null when it has none. Where the whole name has no
 * room, the chart writes this rather than nothing.
 */
export function withoutDedication(name: string): string | null {
  // Every bar's name is asked on each change of the filters: most end in no bracket or quote.
  const last = name.charCodeAt(name.length - 1)
  if (last !== CLOSE_PAREN && last !== QUOTE && last !== CLOSE_QUOTE) return null
  const short = name.replace(DEDICATION, '')
  return short !== name && short.trim().length > 0 ? short : null
}
