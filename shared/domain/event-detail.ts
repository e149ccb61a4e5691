/**
 * The parts of a detailed LL2 docking record the detail panel shows.
 *
 * The detailed record arrives as raw JSON (it is cached as LL2 sent it), and
 * reality differs from the spec: record 183 has `null` where objects are
 * promised and `""` where URIs are. So every field is read defensively and
 * missing or empty values come back as null.
 */
import { parseUtc, type UtcMillis } from './units'

/** Launch, landing and mission of the chaser's flight. */
export interface DetailSummary {
  readonly launchName: string | null
  readonly launchTime: UtcMillis | null
  /** LL2 `net_precision.name`, e.g. "Second", "Day". */
  readonly launchPrecision: string | null
  readonly launchStatus: string | null
  readonly launchSite: string | null
  readonly landing: string | null
  readonly missionName: string | null
  readonly missionType: string | null
  readonly missionEnd: UtcMillis | null
  readonly spacecraftStatus: string | null
  readonly description: string | null
}

type Obj = Record<string, unknown>

const obj = (v: unknown): Obj | null =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : null

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v : null)

const time = (v: unknown): UtcMillis | null => {
  const s = str(v)
  return s === null ? null : parseUtc(s)
}

function landingText(landing: Obj | null): string | null {
  if (!landing) return null
  const where = str(obj(landing.landing_location)?.name)
  const how = str(obj(landing.type)?.name)
  const outcome =
    landing.success === true ? 'successful' : landing.success === false ? 'failed' : null
  const parts = [where, how, outcome].filter((p): p is string => p !== null)
  return parts.length > 0 ? parts.join(' · ') : str(landing.description)
}

/**
 * Reads launch, landing and mission from a detailed docking record.
 *
 * Looks at the chaser flight (`flight_vehicle_chaser`); payload and station
 * chasers carry none of this, so everything is null for them.
 */
export function summarizeDetail(raw: unknown): DetailSummary {
  const flight = obj(obj(raw)?.flight_vehicle_chaser)
  const launch = obj(flight?.launch)
  const mission = obj(launch?.mission)
  const craft = obj(flight?.spacecraft)
  return {
    launchName: str(launch?.name),
    launchTime: time(launch?.net),
    launchPrecision: str(obj(launch?.net_precision)?.name),
    launchStatus: str(obj(launch?.status)?.name),
    launchSite: str(obj(obj(launch?.pad)?.location)?.name),
    landing: landingText(obj(flight?.landing)),
    missionName: str(mission?.name),
    missionType: str(mission?.type),
    missionEnd: time(flight?.mission_end),
    spacecraftStatus: str(obj(craft?.status)?.name),
    description: str(mission?.description) ?? str(craft?.description),
  }
}
