/**
 * Working columns reused from call to call, by name. A function that only
 * reads its working columns while it runs (and returns none of them) takes
 * them from here: fresh typed arrays per call were megabytes per query of
 * memory outside the JS heap, which is what set off full collections.
 *
 * A column is valid until the next request for the same name, so each name
 * belongs to one function, and that function must not return the column or
 * keep it past the call. Contents are left from earlier calls: fill first.
 */
const float64 = new Map<string, Float64Array>()
const int32 = new Map<string, Int32Array>()
const uint8 = new Map<string, Uint8Array>()

function room<T extends Float64Array | Int32Array | Uint8Array>(
  rooms: Map<string, T>,
  name: string,
  n: number,
  make: (size: number) => T,
): T {
  let have = rooms.get(name)
  if (!have || have.length < n) rooms.set(name, (have = make(Math.max(n, 2 * (have?.length ?? 0)))))
  return have.subarray(0, n) as T
}

/** `n` reused float columns for `name`, contents unspecified. */
export const scratchFloat64 = (name: string, n: number): Float64Array =>
  room(float64, name, n, (size) => new Float64Array(size))

/** `n` reused 32-bit integer columns for `name`, contents unspecified. */
export const scratchInt32 = (name: string, n: number): Int32Array =>
  room(int32, name, n, (size) => new Int32Array(size))

/** `n` reused byte columns for `name`, contents unspecified. */
export const scratchUint8 = (name: string, n: number): Uint8Array =>
  room(uint8, name, n, (size) => new Uint8Array(size))
