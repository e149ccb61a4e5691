import type { ParseArgsConfig } from 'node:util'

import type { CliContext } from './cli-context'
import type { Flags } from './flags'

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
