import { runCli } from '../../../electron/cli/main'
import type { UtcMillis } from '../../../shared/domain/units'

/** What an in-process CLI run printed and its exit status. */
export interface CliRun {
  readonly status: number
  readonly out: string
  readonly err: string
}

/** Runs the CLI in this process against `db`, with the clock fixed at `now` and no network. */
export async function runCliOn(
  db: string,
  now: UtcMillis,
  argv: ReadonlyArray<string>,
): Promise<CliRun> {
  let out = ''
  let err = ''
  const status = await runCli([...argv, '--db', db], {
    out: (s) => (out += s),
    err: (s) => (err += s),
    now: () => now,
    fetch: () => Promise.reject(new Error('no network in tests')),
    askSecret: async () => null,
    version: '1.2.3-test',
    signal: new AbortController().signal,
    env: {},
  })
  return { status, out, err }
}
