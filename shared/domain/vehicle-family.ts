/**
 * Vehicle families and roles.
 *
 * LL2 has no crewed flag on docking events, so the role comes from
 * `spacecraft_config.type` where LL2 gives it and from this table otherwise.
 */
import type { VehicleFamily, VehicleRole } from './model'

/** Every family, in legend order. */
export const VEHICLE_FAMILIES: ReadonlyArray<VehicleFamily> = [
  'Soyuz',
  'Progress',
  'Dragon',
  'Cygnus',
  'HTV',
  'ATV',
  'Shuttle',
  'Starliner',
  'Shenzhou',
  'Tianzhou',
  'Apollo',
  'TKS/Cosmos',
  'Other',
]

/** Every role, in legend order. */
export const VEHICLE_ROLES: ReadonlyArray<VehicleRole> = ['crew', 'cargo', 'module', 'other']

interface FamilyRule {
  readonly family: VehicleFamily
  readonly pattern: RegExp
  /** Role when the configuration name alone cannot tell. */
  readonly role: VehicleRole
}

// Order matters: "Cargo Dragon" must hit the cargo rule before the crew one.
const RULES: ReadonlyArray<FamilyRule> = [
  { family: 'Progress', pattern: /\bprogress\b/i, role: 'cargo' },
  { family: 'Soyuz', pattern: /\bsoyuz\b/i, role: 'crew' },
  { family: 'Dragon', pattern: /\bcargo dragon\b|\bdragon ?1\b|\bdragon cr?s\b/i, role: 'cargo' },
  { family: 'Dragon', pattern: /\bdragon\b/i, role: 'crew' },
  { family: 'Cygnus', pattern: /\bcygnus\b/i, role: 'cargo' },
  { family: 'HTV', pattern: /\bhtv\b|\bkounotori\b|\bh-ii transfer\b/i, role: 'cargo' },
  { family: 'ATV', pattern: /\batv\b|automated transfer vehicle/i, role: 'cargo' },
  { family: 'Shuttle', pattern: /\bshuttle\b|\borbiter\b|\bsts\b/i, role: 'crew' },
  { family: 'Starliner', pattern: /\bstarliner\b|\bcst-100\b/i, role: 'crew' },
  { family: 'Shenzhou', pattern: /\bshenzhou\b/i, role: 'crew' },
  { family: 'Tianzhou', pattern: /\btianzhou\b/i, role: 'cargo' },
  { family: 'Apollo', pattern: /\bapollo\b|\bcsm\b/i, role: 'crew' },
  { family: 'TKS/Cosmos', pattern: /\btks\b|\bcosmos\b|\bkosmos\b/i, role: 'module' },
]

// Station modules that dock as vehicles (Kvant, Nauka, Prichal...) are modules.
// Apollo's Command/Service Module (LL2's configuration name for Skylab's
// visitors) and its command and lunar modules are spacecraft, not modules.
const MODULE_PATTERN =
  /(?<!command\/service |command |lunar )\bmodule\b|\bkvant\b|\bnauka\b|\bprichal\b|\bpoisk\b|\bpirs\b|\bwentian\b|\bmengtian\b/i

/** Finds a vehicle's family from its configuration name, else its own name. */
export function familyOf(configuration: string | null, vehicle: string): VehicleFamily {
  const text = `${configuration ?? ''} ${vehicle}`
  return RULES.find((r) => r.pattern.test(text))?.family ?? 'Other'
}

/**
 * Finds a vehicle's role.
 *
 * LL2's `spacecraft_config.type.name` wins when it says something definite
 * ("Cargo", "Module"); "Capsule" and "Spaceplane" are ambiguous (Progress is a
 * capsule too), so then the family table decides.
 */
export function roleOf(
  configurationType: string | null,
  configuration: string | null,
  vehicle: string,
): VehicleRole {
  const type = (configurationType ?? '').toLowerCase()
  if (type.includes('cargo')) return 'cargo'
  if (type.includes('module')) return 'module'
  const text = `${configuration ?? ''} ${vehicle}`
  if (MODULE_PATTERN.test(text)) return 'module'
  const rule = RULES.find((r) => r.pattern.test(text))
  if (rule) return rule.role
  if (type.includes('crew')) return 'crew'
  return 'other'
}
