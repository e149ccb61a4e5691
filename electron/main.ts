import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { createAppServices } from './app-services'
import { startApp } from './window/start-app'

// Everything Electron-facing lives in window/start-app.ts, where tests run it against a fake.
void startApp({
  mainDir: path.dirname(fileURLToPath(import.meta.url)),
  env: process.env,
  createServices: (platform) => createAppServices({ ...platform, fetch: globalThis.fetch }),
})
