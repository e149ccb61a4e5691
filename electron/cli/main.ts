/**
 * The headless CLI: `npm run cli -- <command>`.
 *
 * Plain Node over the same services as the app (cache, LL2 client, sync,
 * `shared/` query logic). Usage mistakes exit with 2, failures with 1.
 */
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'

import { utcMillis } from '../../shared/domain/units'
import type { CliContext } from './cli-context'
import { CliFailure, UsageError } from './cli-errors'
import type { Flags } from './flags'
import type { Command } from './command'
import { compareCommand } from './commands/compare-command'
import { dockedCommand } from './commands/docked-command'
import { exportCommand } from './commands/export-command'
import { gapsCommand } from './commands/gaps-command'
import { importCommand } from './commands/import-command'
import { listCommand } from './commands/list-command'
import { occupancyCommand } from './commands/occupancy-command'
import { qualityCommand } from './commands/quality-command'
import { snapshotCommand } from './commands/snapshot-command'
import { statsCommand } from './commands/stats-command'
import { statusCommand } from './commands/status-command'
import { syncCommand } from './commands/sync-command'
import { visitsCommand } from './commands/visits-command'
import { proxyAwareFetch } from './proxy-fetch'
import { askSecret } from './secret-prompt'
import { terminalIo } from './output'
import { alignUsage } from './usage-text'

const COMMANDS: ReadonlyArray<Command> = [
  syncCommand,
  importCommand,
  listCommand,
  visitsCommand,
  qualityCommand,
  dockedCommand,
  statusCommand,
  snapshotCommand,
  exportCommand,
  statsCommand,
  occupancyCommand,
  gapsCommand,
  compareCommand,
]

const overview = () =>
  [
    'usage: npm run cli -- <command> [options]',
    '',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(9)} ${c.summary}`),
    '',
    "Every command takes --db FILE (default: the app's cache) and --help.",
  ].join('\n')

function version(): string {
  const file = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../package.json')
  try {
    return (JSON.parse(fs.readFileSync(file, 'utf8')) as { version?: string }).version ?? '0.0.0'
  } catch {
    return '0.0.0'
  }
}

/** Runs the CLI with `argv` (without node and script); resolves with the exit status. */
export async function runCli(argv: ReadonlyArray<string>, raw: CliContext): Promise<number> {
  const [name, ...rest] = argv
  // Until the flags are read, everything printed is for a person.
  let ctx = terminalIo(raw, false)
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    ;(name === undefined ? ctx.err : ctx.out)(`${overview()}\n`)
    return name === undefined ? 2 : 0
  }
  const command = COMMANDS.find((c) => c.name === name)
  if (!command) {
    ctx.err(`unknown command "${name}"\n\n${overview()}\n`)
    return 2
  }
  try {
    let parsed
    try {
      parsed = parseArgs({
        args: [...rest],
        options: command.options,
        allowPositionals: true,
        strict: true,
      })
    } catch (e) {
      throw new UsageError(e instanceof Error ? e.message : String(e))
    }
    ctx = terminalIo(raw, parsed.values.json === true || parsed.values.csv === true)
    if (parsed.values.help) {
      ctx.out(`${alignUsage(command.usage)}\n`)
      return 0
    }
    if (parsed.positionals.length !== command.positionals) {
      throw new UsageError(
        command.positionals === 0
          ? `${command.name} takes no arguments, got "${parsed.positionals.join(' ')}"`
          : `${command.name} takes ${command.positionals} argument(s), got ${parsed.positionals.length}`,
      )
    }
    return await command.run(parsed.values as Flags, parsed.positionals, ctx)
  } catch (e) {
    if (e instanceof UsageError) {
      ctx.err(`${command.name}: ${e.message}\n\n${alignUsage(command.usage)}\n`)
      return 2
    }
    if (e instanceof CliFailure) {
      ctx.err(`${command.name}: ${e.message}\n`)
      return 1
    }
    ctx.err(
      `${command.name}: unexpected error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`,
    )
    return 1
  }
}

// Run only when executed, not when imported by a test.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const controller = new AbortController()
  process.once('SIGINT', () => controller.abort())
  process.once('SIGTERM', () => controller.abort())
  const status = await runCli(process.argv.slice(2), {
    out: (s) => process.stdout.write(s),
    err: (s) => process.stderr.write(s),
    now: () => utcMillis(Date.now()),
    fetch: proxyAwareFetch(process.env),
    askSecret,
    version: version(),
    signal: controller.signal,
    env: process.env,
  })
  process.exitCode = status
}
