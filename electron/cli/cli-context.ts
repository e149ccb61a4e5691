/**
 * What every CLI command shares: the `--db` file, the cache, the clock and
 * where output goes.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import type { DockingCache } from '../../shared/cache/docking-cache'
import type { DockingData } from '../../shared/domain/model'
import type { UtcMillis } from '../../shared/domain/units'
import { BUNDLED_SNAPSHOT_PATH } from '../../shared/ll2/snapshot-file'
import { CACHE_FILE_NAME } from '../app-services'
import { openCache } from '../cache/docking-cache'
import type { FetchLike } from '../ll2/http-request'
import { loadSnapshotIfNew } from '../snapshot'
import { CliFailure, UsageError } from './cli-errors'
import { bool, str, type Flags } from './flags'

/** The app's name, which names its user-data folder (Electron's `app.getPath('userData')`). */
export const APP_NAME = 'Docking Timeline'

/** A file the app bundles (`assets/…`), where this checkout holds it. */
export const bundledPath = (relative: string): string =>
  path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..', relative)

/** The bundled snapshot the app loads into a new cache. */
export const BUNDLED_SNAPSHOT = bundledPath(BUNDLED_SNAPSHOT_PATH)

/**
 * The app's user-data folder, where Electron puts it on each platform:
 * `%APPDATA%` on Windows, `~/Library/Application Support` on macOS,
 * `$XDG_CONFIG_HOME` or `~/.config` elsewhere.
 */
export function defaultUserDataDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home: string = os.homedir(),
): string {
  const root =
    platform === 'win32'
      ? (env.APPDATA ?? path.join(home, 'AppData', 'Roaming'))
      : platform === 'darwin'
        ? path.join(home, 'Library', 'Application Support')
        : (env.XDG_CONFIG_HOME ?? path.join(home, '.config'))
  return path.join(root, APP_NAME)
}

/** The app's own cache file, the CLI's default `--db`. */
export const defaultDbFile = (): string => path.join(defaultUserDataDir(), CACHE_FILE_NAME)

/** Where a command writes. */
export interface CliIo {
  readonly out: (text: string) => void
  readonly err: (text: string) => void
}

/** A command's environment. */
export interface CliContext extends CliIo {
  readonly now: () => UtcMillis
  /** Node's fetch, through the environment's proxy. */
  readonly fetch: FetchLike
  /** Asks for a secret on the terminal without echo; null without one. */
  readonly askSecret: (prompt: string) => Promise<string | null>
  readonly version: string
  /** Aborts on Ctrl-C. */
  readonly signal: AbortSignal
  readonly env: NodeJS.ProcessEnv
}

const SQLITE_HEADER = 'SQLite format 3\0'

/**
 * Opens the cache at `file` for a command.
 *
 * An existing file that is not SQLite at all is refused rather than moved
 * aside (the app's recovery is for a damaged cache, not for a wrong path
 * typed on a command line). A new cache gets the bundled snapshot, as the
 * app's would, unless `withSnapshot` is false.
 */
export function openCliCache(file: string, ctx: CliContext, withSnapshot: boolean): DockingCache {
  const resolved = path.resolve(file)
  if (fs.existsSync(resolved)) {
    const stat = fs.statSync(resolved)
    if (stat.isDirectory()) throw new UsageError(`--db ${file} is a folder, not a cache file`)
    if (stat.size > 0) {
      const head = Buffer.alloc(16)
      const fd = fs.openSync(resolved, 'r')
      try {
        fs.readSync(fd, head, 0, 16, 0)
      } finally {
        fs.closeSync(fd)
      }
      if (head.toString('latin1') !== SQLITE_HEADER) {
        throw new CliFailure(
          `${file} is not a Docking Timeline cache (not an SQLite file); left untouched`,
        )
      }
    }
  }
  let opened
  try {
    opened = openCache(resolved, { now: ctx.now })
  } catch (e) {
    throw new CliFailure(
      `cannot open the cache ${file}: ${e instanceof Error ? e.message : String(e)}`,
    )
  }
  const { cache, report } = opened
  if (report.movedAside) {
    ctx.err(
      `The cache ${file} could not be read (${report.reason}); it was moved to ${report.movedAside} and a new cache was started.\n`,
    )
  }
  if (withSnapshot && fs.existsSync(BUNDLED_SNAPSHOT)) {
    loadSnapshotIfNew(cache, BUNDLED_SNAPSHOT, ctx.now())
  }
  return cache
}

/**
 * Reads everything from the `--db` cache and closes it; a new cache gets the
 * bundled snapshot first, as the app's does, unless `--no-snapshot`.
 */
export function readCliData(flags: Flags, ctx: CliContext): DockingData {
  const cache = openCliCache(str(flags, 'db') ?? defaultDbFile(), ctx, !bool(flags, 'no-snapshot'))
  try {
    return cache.readData()
  } finally {
    cache.close()
  }
}
