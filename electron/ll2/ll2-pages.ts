/**
 * Validated LL2 pages and the query paths the app asks for.
 */
import { z } from 'zod'

import { Ll2FormatError } from '../../shared/ll2/ingest'
import { describeIssue, ll2PageSchema } from '../../shared/ll2/schema'
import type { Ll2Client, RequestOptions } from './ll2-client'

const query = (pairs: ReadonlyArray<readonly [string, string]>): string =>
  pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&')

/** Largest page LL2 serves. */
export const PAGE_SIZE = 100

/** LL2 paths the app uses. */
export const LL2_PATHS = {
  /**
   * Docking events in docking order: new events land on the last page, so a
   * full sync resumed hours later by offset neither skips nor repeats.
   */
  events: (extra: ReadonlyArray<readonly [string, string]> = []) =>
    `/2.3.0/docking_events/?${query([
      ['format', 'json'],
      ['mode', 'normal'],
      ['limit', String(PAGE_SIZE)],
      ['ordering', 'docking'],
      ...extra,
    ])}`,
  event: (id: number, mode: 'normal' | 'detailed') =>
    `/2.3.0/docking_events/${id}/?format=json&mode=${mode}`,
  stations: () => `/2.3.0/space_stations/?format=json&mode=detailed&limit=${PAGE_SIZE}`,
  locations: () => `/2.3.0/config/docking_locations/?format=json&limit=${PAGE_SIZE}`,
} as const

const pageSchema = ll2PageSchema(z.unknown())

/** A page whose envelope (count, next, results) has been checked. */
export interface Ll2Page {
  readonly url: string
  readonly count: number
  readonly next: string | null
  readonly results: ReadonlyArray<unknown>
}

/** Fetches one page and checks its envelope; the records are the caller's to validate. */
export async function fetchPage(
  client: Ll2Client,
  pathOrUrl: string,
  options: RequestOptions,
): Promise<Ll2Page> {
  const { url, body } = await client.getJson(pathOrUrl, options)
  const parsed = pageSchema.safeParse(body)
  if (!parsed.success) throw new Ll2FormatError(url, describeIssue(parsed.error))
  return {
    url,
    count: parsed.data.count,
    next: parsed.data.next ?? null,
    results: parsed.data.results,
  }
}

/** Pages needed for `count` records. */
export const pagesFor = (count: number): number => Math.max(1, Math.ceil(count / PAGE_SIZE))
