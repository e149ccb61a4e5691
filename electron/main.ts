import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { net } from 'electron'

import { createAppServices } from './app-services'
import { startApp } from './window/start-app'

// Everything Electron-facing lives in window/start-app.ts, where tests run it against a fake.
void startApp({
  mainDir: path.dirname(fileURLToPath(import.meta.url)),
  env: process.env,
  // Chromium's network stack: the system proxy and certificate store apply.
  createServices: (platform) =>
    createAppServices({ ...platform, fetch: (url, init) => net.fetch(url, init) }),
})
