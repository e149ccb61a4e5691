/**
 * Reads a secret from the terminal without echoing it, so an API key never
 * sits in argv (visible to every user in `ps`) or in shell history.
 */

/** Asks on the terminal; null when there is none (or the user presses Ctrl-C). */
export function askSecret(prompt: string): Promise<string | null> {
  const stdin = process.stdin
  if (!stdin.isTTY) return Promise.resolve(null)
  return new Promise((resolve) => {
    let value = ''
    const finish = (result: string | null) => {
      stdin.off('data', onData)
      stdin.setRawMode(false)
      stdin.pause()
      process.stderr.write('\n')
      resolve(result)
    }
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n' || ch === '\u0004') return finish(value)
        if (ch === '\u0003') return finish(null)
        value = ch === '\u007f' || ch === '\b' ? value.slice(0, -1) : value + ch
      }
      return undefined
    }
    process.stderr.write(prompt)
    stdin.setEncoding('utf8')
    stdin.setRawMode(true)
    stdin.resume()
    stdin.on('data', onData)
  })
}
