/**
 * How the test server shapes, filters, searches and orders LL2 records.
 *
 * Written from LL2's documented behaviour and Django REST framework's
 * source, independently of the app's `shared/query/` code: this stands in for
 * LL2, so a test comparing the two can fail when the app is wrong.
 */
type Json = Record<string, unknown>

/** A 400 answer, as django-filter words it. */
export class BadFilter extends Error {
  constructor(readonly body: Record<string, string[]>) {
    super('bad filter')
  }
}

function get(record: unknown, path: string): unknown {
  let value: unknown = record
  for (const key of path.split('.')) {
    if (value === null || typeof value !== 'object') return null
    value = (value as Json)[key]
  }
  return value
}

/** `DockingEventViewSet.search_fields` of LL2 2.3.0, as record paths. */
const SEARCH_PATHS = [
  'docking_location.name',
  'flight_vehicle_chaser.spacecraft.name',
  'flight_vehicle_target.spacecraft.name',
  'payload_flight_chaser.payload.name',
  'payload_flight_target.payload.name',
  'space_station_chaser.name',
  'space_station_target.name',
]

// DRF SearchFilter.get_search_terms: `params.replace('\x00', '').replace(',', ' ').split()`.
function searchTermsOf(value: string): string[] {
  return value.split('\u0000').join('').split(',').join(' ').trim().split(/\s+/u).filter(Boolean)
}

// Django's `icontains` on PostgreSQL is `UPPER(field) LIKE UPPER('%term%')`.
function icontains(field: unknown, term: string): boolean {
  return typeof field === 'string' && field.toUpperCase().indexOf(term.toUpperCase()) !== -1
}

function parseDateTime(name: string, raw: string): number {
  // Django reads naive times in the server's zone, which is UTC at LL2.
  const text = raw.trim().replace(' ', 'T')
  const t = Date.parse(/T[\d:.]+$/.test(text) ? `${text}Z` : text)
  if (Number.isNaN(t)) throw new BadFilter({ [name]: ['Enter a valid date/time.'] })
  return t
}

function parseNumber(name: string, raw: string): number {
  if (!/^-?\d+$/.test(raw.trim())) throw new BadFilter({ [name]: ['Enter a number.'] })
  return Number(raw)
}

/** Applies the docking-event filters and `search` in `params` to `events`. */
export function filterEvents(events: ReadonlyArray<Json>, params: URLSearchParams): Json[] {
  const checks: Array<(e: Json) => boolean> = []
  const time = (e: Json) => Date.parse(String(e.docking))
  const bounds: Array<[string, (a: number, b: number) => boolean]> = [
    ['docking__gt', (a, b) => a > b],
    ['docking__gte', (a, b) => a >= b],
    ['docking__lt', (a, b) => a < b],
    ['docking__lte', (a, b) => a <= b],
  ]
  for (const [name, cmp] of bounds) {
    const raw = params.get(name)
    if (raw === null || raw === '') continue
    const bound = parseDateTime(name, raw)
    checks.push((e) => cmp(time(e), bound))
  }
  const ids: Array<[string, string]> = [
    ['docking_location__id', 'docking_location.id'],
    ['flight_vehicle_chaser__id', 'flight_vehicle_chaser.id'],
    ['space_station_target__id', 'space_station_target.id'],
  ]
  for (const [name, path] of ids) {
    const raw = params.get(name)
    if (raw === null || raw === '') continue
    const wanted = parseNumber(name, raw)
    checks.push((e) => get(e, path) === wanted)
  }
  const terms = searchTermsOf(params.get('search') ?? '')
  if (terms.length > 0) {
    checks.push((e) => terms.every((term) => SEARCH_PATHS.some((p) => icontains(get(e, p), term))))
  }
  return events.filter((e) => checks.every((check) => check(e)))
}

/**
 * Orders events as DRF's OrderingFilter with `ordering_fields = ('docking', 'departure')`.
 *
 * Unknown fields are dropped; none left means the default. PostgreSQL puts
 * NULLs last ascending and first descending; the id breaks ties.
 */
export function orderEvents(events: Json[], ordering: string | null): Json[] {
  const fields = (ordering ?? '')
    .split(',')
    .map((f) => f.trim())
    .filter((f) => ['docking', 'departure'].includes(f.replace(/^-/, '')))
  const keys = fields.length > 0 ? fields : ['docking']
  const value = (e: Json, field: string) => {
    const raw = e[field]
    return raw === null || raw === undefined ? null : Date.parse(String(raw))
  }
  return [...events].sort((a, b) => {
    for (const key of keys) {
      const desc = key.startsWith('-')
      const field = key.replace(/^-/, '')
      const va = value(a, field)
      const vb = value(b, field)
      if (va === vb) continue
      if (va === null) return desc ? -1 : 1
      if (vb === null) return desc ? 1 : -1
      return desc ? vb - va : va - vb
    }
    return Number(a.id) - Number(b.id)
  })
}

/** The `mode=detailed` form of a docking event: a fuller chaser, as LL2's serializer gives. */
export function detailedEvent(record: Json): Json {
  const chaser = record.flight_vehicle_chaser as Json | null | undefined
  if (!chaser || record.response_mode === 'detailed')
    return { ...record, response_mode: 'detailed' }
  const craft = (chaser.spacecraft ?? null) as Json | null
  return {
    ...record,
    response_mode: 'detailed',
    flight_vehicle_chaser: {
      ...chaser,
      spacecraft: craft && {
        ...craft,
        response_mode: 'normal',
        description: `${String(craft.name)}: a generated spacecraft for tests.`,
      },
      launch: {
        ...(chaser.launch as Json),
        response_mode: 'normal',
        status: { id: 3, name: 'Launch Successful' },
      },
    },
  }
}

/** A station record in `normal` or `detailed` mode, docking fields derived from `events`. */
export function stationInMode(
  station: Json,
  mode: string,
  locations: ReadonlyArray<Json>,
  events: ReadonlyArray<Json>,
  unlisted: ReadonlySet<number> = new Set(),
): Json {
  if (mode !== 'detailed') return { ...station, response_mode: 'normal' }
  const open = events.filter(
    (e) =>
      get(e, 'space_station_target.id') === station.id &&
      (e.departure === null || e.departure === undefined) &&
      !unlisted.has(Number(e.id)),
  )
  const ports = locations.filter((l) => get(l, 'spacestation.id') === station.id)
  return {
    ...station,
    response_mode: 'detailed',
    docked_vehicles: open.length,
    docking_location: ports.map((port) => {
      const docked = open.find((e) => get(e, 'docking_location.id') === port.id)
      return {
        id: port.id,
        name: port.name,
        currently_docked: docked
          ? {
              id: docked.id,
              url: docked.url,
              docking: docked.docking,
              departure: docked.departure ?? null,
              flight_vehicle_chaser: docked.flight_vehicle_chaser ?? null,
              space_station_chaser: docked.space_station_chaser ?? null,
              payload_flight_chaser: docked.payload_flight_chaser ?? null,
            }
          : null,
      }
    }),
    active_docking_events: open.map((e) => ({
      id: e.id,
      url: e.url,
      docking: e.docking,
      departure: e.departure ?? null,
      docking_location: e.docking_location,
      space_station_target: e.space_station_target,
      flight_vehicle_target: e.flight_vehicle_target ?? null,
      payload_flight_target: e.payload_flight_target ?? null,
    })),
  }
}

/** DRF `_positive_int`: the value as a non-negative integer, or the fallback. */
function positiveInt(
  raw: string | null,
  fallback: number,
  strict: boolean,
  cutoff?: number,
): number {
  if (raw === null || !/^\s*\d+\s*$/.test(raw)) return fallback
  const n = Number(raw)
  if (strict && n === 0) return fallback
  return cutoff === undefined ? n : Math.min(n, cutoff)
}

/**
 * One page, as DRF's LimitOffsetPagination builds it (default limit 10, max 100),
 * with `next`/`previous` absolute and carrying every other parameter.
 */
export function paginate(items: ReadonlyArray<unknown>, requestUrl: URL): Json {
  const params = requestUrl.searchParams
  const limit = positiveInt(params.get('limit'), 10, true, 100)
  const offset = positiveInt(params.get('offset'), 0, false)
  const count = items.length
  const link = (newOffset: number | null) => {
    const url = new URL(requestUrl.href)
    url.searchParams.set('limit', String(limit))
    if (newOffset === null) url.searchParams.delete('offset')
    else url.searchParams.set('offset', String(newOffset))
    return url.href
  }
  return {
    count,
    next: offset + limit >= count ? null : link(offset + limit),
    previous: offset <= 0 ? null : offset - limit <= 0 ? link(null) : link(offset - limit),
    results: items.slice(offset, offset + limit),
  }
}

const EXPEDITION_TIMES: ReadonlyArray<
  [string, 'start' | 'end', (a: number, b: number) => boolean]
> = [
  ['start__gt', 'start', (a, b) => a > b],
  ['start__gte', 'start', (a, b) => a >= b],
  ['start__lt', 'start', (a, b) => a < b],
  ['start__lte', 'start', (a, b) => a <= b],
  ['end__gt', 'end', (a, b) => a > b],
  ['end__gte', 'end', (a, b) => a >= b],
  ['end__lt', 'end', (a, b) => a < b],
  ['end__lte', 'end', (a, b) => a <= b],
]

/** `ExpeditionViewSet` ordering fields the server honours; DRF ignores any other. */
const EXPEDITION_ORDERING = new Set(['id', 'name', 'start', 'end'])

/**
 * Expeditions as LL2 serves them: filtered by `space_station` and the
 * `start__*`/`end__*` bounds, ordered by `ordering` (else by id), in
 * `mode=detailed` with a crew list. A bound on `end` leaves out expeditions
 * with no end, as SQL's `NULL >= t` is not true.
 */
export function filterExpeditions(list: ReadonlyArray<Json>, params: URLSearchParams): Json[] {
  const checks: Array<(x: Json) => boolean> = []
  const station = params.get('space_station')
  if (station !== null && station !== '') {
    const id = parseNumber('space_station', station)
    checks.push((x) => (x.spacestation as Json | null)?.id === id)
  }
  for (const [name, field, cmp] of EXPEDITION_TIMES) {
    const raw = params.get(name)
    if (raw === null || raw === '') continue
    const bound = parseDateTime(name, raw)
    checks.push((x) => x[field] != null && cmp(Date.parse(String(x[field])), bound))
  }
  const ordering = params.get('ordering')?.trim() ?? ''
  const key = ordering.replace(/^-/, '')
  const field = EXPEDITION_ORDERING.has(key) ? key : 'id'
  const sign = field === key && ordering.startsWith('-') ? -1 : 1
  const value = (x: Json): number | string =>
    field === 'id' || field === 'name'
      ? (x[field] as number | string)
      : x[field] == null
        ? Infinity
        : Date.parse(String(x[field]))
  const detailed = params.get('mode') === 'detailed'
  return list
    .filter((x) => checks.every((check) => check(x)))
    .sort((a, b) => {
      const [va, vb] = [value(a), value(b)]
      const order = va < vb ? -1 : va > vb ? 1 : Number(a.id) - Number(b.id)
      return sign * order
    })
    .map((x) => (detailed ? { ...x, response_mode: 'detailed', crew: x.crew ?? [] } : x))
}
