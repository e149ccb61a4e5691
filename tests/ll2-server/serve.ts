/**
 * `npm run ll2:serve`: the LL2-compatible test server, for manual runs.
 *
 *   npm run ll2:serve -- --events 2000 --seed 7 --port 8123 --throttle 15
 */
import { parseArgs } from 'node:util'

import { generateDataset, MAX_EVENTS } from '../fixtures/generate-dataset'
import { startLl2Server } from './server'

const usage = `usage: npm run ll2:serve -- [--events N] [--seed N] [--port N] [--throttle N] [--api-key KEY] [--no-183]
  --events N     docking events to generate (default 1000, at most ${MAX_EVENTS})
  --seed N       generator seed (default 42)
  --port N       port on 127.0.0.1 (default: any free port)
  --throttle N   anonymous requests allowed per hour (default: unlimited, like lldev)
  --api-key KEY  accept this key (Authorization: Token KEY) with 300 requests an hour
  --no-183       leave out the real LL2 record 183`

function int(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback
  if (!/^\d+$/.test(raw)) {
    console.error(`--${name} must be a whole number, not "${raw}"\n${usage}`)
    process.exit(2)
  }
  return Number(raw)
}

let args
try {
  args = parseArgs({
    options: {
      events: { type: 'string' },
      seed: { type: 'string' },
      port: { type: 'string' },
      throttle: { type: 'string' },
      'api-key': { type: 'string' },
      'no-183': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  }).values
} catch (e) {
  console.error(`${e instanceof Error ? e.message : String(e)}\n${usage}`)
  process.exit(2)
}
if (args.help) {
  console.log(usage)
  process.exit(0)
}
const events = int('events', args.events, 1000)
if (events > MAX_EVENTS) {
  console.error(`--events is at most ${MAX_EVENTS}`)
  process.exit(2)
}
const throttle =
  args.throttle === undefined
    ? null
    : { limit: int('throttle', args.throttle, 15), windowSecs: 3600 }
const server = await startLl2Server({
  dataset: generateDataset({
    events,
    seed: int('seed', args.seed, 42),
    withRecord183: !args['no-183'],
  }),
  port: int('port', args.port, 0),
  throttle,
  apiKeys: args['api-key'] ? { [args['api-key']]: { limit: 300, windowSecs: 3600 } } : {},
})
console.log(`LL2 test server with ${server.dataset.events.length} docking events at ${server.url}`)
console.log(`  try ${server.url}/2.3.0/docking_events/?limit=5&ordering=-docking`)
console.log(`  sync with: npm run cli -- sync --base-url ${server.url} --db /tmp/dt.sqlite`)
const stop = () => void server.close().then(() => process.exit(0))
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
