/**
 * Reading command-line flags: typed access to what `node:util` parseArgs gives,
 * and parsers for times and numbers with messages that name the flag.
 *
 * Every command reads its flags through here, so no command imports another.
 */
import { utcMillis, type UtcMillis } from '../../shared/domain/units'
import { UsageError } from './cli-errors'

/** Parsed flags: what `node:util` parseArgs gives. */
export type Flags = Record<string, string | boolean | string[] | boolean[] | undefined>

/** A string flag's value, or undefined. */
export const str = (flags: Flags, name: string): string | undefined => {
  const v = flags[name]
  return typeof v === 'string' ? v : undefined
}

/** A repeatable string flag's values. */
export const strs = (flags: Flags, name: string): ReadonlyArray<string> => {
  const v = flags[name]
  return Array.isArray(v)
    ? v.filter((x): x is string => typeof x === 'string')
    : typeof v === 'string'
      ? [v]
      : []
}

/** A boolean flag. */
export const bool = (flags: Flags, name: string): boolean => flags[name] === true

/** Parses an ISO 8601 time given on the command line (UTC unless it names a zone). */
export function parseTimeFlag(name: string, value: string): UtcMillis {
  const text = value.trim()
  // A bare date or a time without a zone means UTC: the app works in UTC only.
  const withZone = /T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(text) ? `${text}Z` : text
  const t = /^\d{4}-\d{2}-\d{2}/.test(withZone) ? Date.parse(withZone) : NaN
  if (!Number.isFinite(t)) {
    throw new UsageError(
      `--${name} wants an ISO 8601 time such as 1985-06-01T12:00:00Z, not "${value}"`,
    )
  }
  return utcMillis(t)
}

/** Parses a whole number flag. */
export function parseIntFlag(name: string, value: string, min = 0): number {
  if (!/^\d+$/.test(value.trim()) || Number(value) < min) {
    throw new UsageError(
      `--${name} wants a whole number${min > 0 ? ` of at least ${min}` : ''}, not "${value}"`,
    )
  }
  return Number(value)
}

/** How event rows are printed: `--json`, `--csv`, or an aligned table. */
export type RowFormat = 'json' | 'csv' | 'table'

/** The row format `--json` / `--csv` ask for; both at once is a usage error. */
export function rowFormatFlag(flags: Flags): RowFormat {
  if (bool(flags, 'json') && bool(flags, 'csv'))
    throw new UsageError('choose one of --json and --csv')
  return bool(flags, 'json') ? 'json' : bool(flags, 'csv') ? 'csv' : 'table'
}
