import type { ParseArgsConfig } from 'node:util'

import type { CliContext } from './cli-context'

/** Parsed flags: what `node:util` parseArgs gives. */
export type Flags = Record<string, string | boolean | string[] | boolean[] | undefined>

/** One CLI command. */
export interface Command {
  readonly name: string
  /** One line for the command list. */
  readonly summary: string
  /** Usage text shown with `--help` and after a usage error. */
  readonly usage: string
  readonly options: NonNullable<ParseArgsConfig['options']>
  /** How many positional arguments it takes. */
  readonly positionals: number
  /** Runs the command; resolves with the exit status. */
  run(flags: Flags, positionals: ReadonlyArray<string>, ctx: CliContext): Promise<number>
}

/** Options every command takes. */
export const COMMON_OPTIONS = {
  db: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  'no-snapshot': { type: 'boolean' },
} as const satisfies NonNullable<ParseArgsConfig['options']>

/** Usage lines for the common options. */
export const COMMON_USAGE = `  --db FILE       cache file (default: the app's own cache)
  --no-snapshot   do not load the bundled snapshot into a new cache
  -h, --help      show this help`

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
