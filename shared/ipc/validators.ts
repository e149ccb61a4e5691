/**
 * Runtime guards for every invoke request.
 *
 * TypeScript types do not survive IPC, so main checks each argument against
 * these before a service sees it.
 */
import { z } from 'zod'

import { fileNameProblem, hasExtension } from '../export/file-name'
import { MAX_IMPORT_BYTES } from '../ll2/import-input'
import { checkPref, isPrefKey, PREF_KEYS, type PrefKey } from '../prefs/prefs'
import type { InvokeChannel, PrefWrite, RequestOf } from './contract'

const none = z.null()
const kind = z.enum(['full', 'incremental'])
/** Longest text the clipboard channel takes: a citation with its sources is far shorter. */
const MAX_CLIPBOARD_CHARS = 20_000
const prefKey = z.custom<PrefKey>(isPrefKey, `a preference key: one of ${PREF_KEYS.join(', ')}`)
// The value is checked against its key's entry in the PREFS table, size first.
const prefWrite: z.ZodType<PrefWrite> = z
  .strictObject({ key: prefKey, value: z.unknown() })
  .transform((write, ctx) => {
    const checked = checkPref(write.key, write.value)
    if (checked.ok) return { key: write.key, value: checked.value } as PrefWrite
    ctx.addIssue({ code: 'custom', message: checked.error, path: ['value'] })
    return z.NEVER
  })
const fileName = z.string().superRefine((s, ctx) => {
  const problem = fileNameProblem(s)
  if (problem !== null) ctx.addIssue({ code: 'custom', message: problem })
})
// An imported file's name is only a label in the report, never a path: any
// name a file system allows, without control characters for a log to show.
const importFileName = z
  .string()
  .min(1)
  .max(255)
  // eslint-disable-next-line no-control-regex
  .regex(/^[^\u0000-\u001f\u007f]+$/, { message: 'a file name without control characters' })
const FORMATS = ['svg', 'png', 'pdf', 'csv', 'json'] as const
const isJsonObject = (s: string): boolean => {
  try {
    const v: unknown = JSON.parse(s)
    return typeof v === 'object' && v !== null && !Array.isArray(v)
  } catch {
    return false
  }
}

/** One schema per invoke channel. */
export const REQUEST_SCHEMAS: { readonly [C in InvokeChannel]: z.ZodType<RequestOf<C>> } = {
  'dt:app:get-info': none,
  'dt:data:get': none,
  'dt:expeditions:get': none,
  'dt:event:get-detail': z.strictObject({
    id: z.number().int().nonnegative(),
    fetch: z.enum(['never', 'auto', 'always']),
  }),
  'dt:event:cancel-detail': none,
  'dt:prefs:get': z.strictObject({ key: prefKey }),
  'dt:prefs:set': prefWrite,
  'dt:sync:get-settings': none,
  'dt:sync:set-settings': z.strictObject({
    baseUrl: z
      .url({ protocol: /^https?$/ })
      .max(500)
      .optional(),
    apiKey: z
      .string()
      .regex(/^[A-Za-z0-9._-]{1,200}$/, 'an API key')
      .nullable()
      .optional(),
  }),
  'dt:sync:get-status': none,
  'dt:sync:plan': z.strictObject({ kind }),
  'dt:sync:start': z.strictObject({ kind }),
  'dt:sync:cancel': none,
  'dt:export:save-file': z
    .strictObject({
      format: z.enum(FORMATS),
      suggestedName: fileName,
      content: z.string().max(200_000_000),
      encoding: z.enum(['utf8', 'base64']),
      csvMetadata: z.string().max(10_000_000).refine(isJsonObject, 'a JSON object').optional(),
    })
    .refine((r) => hasExtension(r.suggestedName, r.format), {
      message: 'a file name ending with the extension of its format',
      path: ['suggestedName'],
    })
    .refine((r) => r.csvMetadata === undefined || r.format === 'csv', {
      message: 'a metadata sidecar only with a CSV',
      path: ['csvMetadata'],
    }),
  'dt:export:save-pdf': z.strictObject({
    svg: z.string().max(200_000_000),
    pageSize: z.enum(['A4', 'Letter', 'A3']),
    suggestedName: fileName.refine((s) => hasExtension(s, 'pdf'), 'a file name ending with .pdf'),
  }),
  'dt:shell:open-external': z.strictObject({ url: z.url({ protocol: /^https$/ }) }),
  // A citation is a paragraph; a page cannot fill the clipboard with megabytes.
  'dt:clipboard:write-text': z.strictObject({ text: z.string().min(1).max(MAX_CLIPBOARD_CHARS) }),
  'dt:reference:get': none,
  // UTF-16 units: a file of at most MAX_IMPORT_BYTES UTF-8 bytes is never longer.
  'dt:import:records': z.strictObject({
    fileName: importFileName,
    text: z.string().max(MAX_IMPORT_BYTES),
  }),
}
