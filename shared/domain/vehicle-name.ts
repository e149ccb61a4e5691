/**
 * One rule for "is this the same vehicle?", shared by visits (one vehicle's
 * legs at a station) and by the reference comparison (LL2 against NASA's
 * record), which spell names differently: "Soyuz T-5", "Soyuz-T 5" and
 * "soyuz t-5" are one spacecraft.
 */
export function vehicleKey(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2010-\u2015_-]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
}
