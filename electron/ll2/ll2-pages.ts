/**
 * Validated LL2 pages.
 */
import { z } from 'zod'

import { Ll2FormatError } from '../../shared/ll2/ingest'
import { describeIssue, ll2PageSchema, type Ll2Page } from '../../shared/ll2/schema'
import type { Ll2Client, RequestOptions } from './ll2-client'

const pageSchema = ll2PageSchema(z.unknown())

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
