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
