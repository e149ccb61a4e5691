/**
 * Sizes of files and answers in words.
 */

/** `10 MB`, `512 KB`: binary megabytes and kilobytes, rounded. */
export const formatBytes = (n: number): string =>
  n >= 1024 * 1024 ? `${Math.round(n / (1024 * 1024))} MB` : `${Math.round(n / 1024)} KB`
