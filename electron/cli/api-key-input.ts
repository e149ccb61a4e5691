/**
 * Where the CLI gets an LL2 API key: `DT_LL2_API_KEY`, or the terminal with
 * `--ask-key`; never argv, which every user of the machine can read (`ps`)
 * and shells keep in their history.
 */
import type { ParseArgsConfig } from 'node:util'

import type { CliContext } from './cli-context'
import { CliFailure, UsageError } from './cli-errors'
import { bool, str, type Flags } from './flags'

/** The key options of commands that talk to LL2. */
export const API_KEY_OPTIONS = {
  // Declared only to refuse it with a useful message.
  'api-key': { type: 'string' },
  'ask-key': { type: 'boolean' },
} as const satisfies NonNullable<ParseArgsConfig['options']>

/** Usage lines for the key options. */
export const API_KEY_USAGE = `  --ask-key         ask for the LL2 API key on the terminal (not echoed)
  DT_LL2_API_KEY    environment variable: the LL2 API key for this run
Without either, the key saved for the server's address is used, if any.`

/**
 * The key for this run: from `--ask-key` or `DT_LL2_API_KEY`; undefined
 * leaves the one saved for the server's origin.
 */
export async function cliApiKey(flags: Flags, ctx: CliContext): Promise<string | undefined> {
  if (str(flags, 'api-key') !== undefined) {
    throw new UsageError(
      '--api-key is not accepted: a key on the command line is visible to other users (ps) and kept in shell history. Set DT_LL2_API_KEY, or use --ask-key to type it',
    )
  }
  let key = ctx.env.DT_LL2_API_KEY
  if (bool(flags, 'ask-key')) {
    const typed = await ctx.askSecret('LL2 API key (not shown): ')
    if (typed === null)
      throw new CliFailure('--ask-key needs a terminal; set DT_LL2_API_KEY instead')
    key = typed.trim()
  }
  if (key === undefined || key === '') return undefined
  if (!/^[A-Za-z0-9._-]{1,200}$/.test(key)) {
    throw new UsageError('the API key may hold letters, digits, ".", "_" and "-" only')
  }
  return key
}
