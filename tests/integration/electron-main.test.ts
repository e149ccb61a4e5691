/**
 * The Electron-facing wiring (window/start-app.ts and friends) run against a
 * recording fake of the `electron` module: Electron's binary cannot be
 * installed here, and what matters is which calls the code makes.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

import { createAppServices, type AppServices } from '../../electron/app-services'
import { secretBoxFrom } from '../../electron/window/secret-box'
import { APP_CSP, PDF_CSP } from '../../electron/window/security'
import { startApp, type PlatformConfig, type StartedApp } from '../../electron/window/start-app'
import { BUNDLED_SNAPSHOT_PATH } from '../../shared/ll2/snapshot-file'

type Listener = (...args: any[]) => unknown

const fake = vi.hoisted(() => {
  class Emitter {
    readonly listeners = new Map<string, Listener[]>()
    on(event: string, listener: Listener) {
      this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener])
      return this
    }
    once(event: string, listener: Listener) {
      return this.on(event, listener)
    }
    /** Emits like Electron: returns whether some listener called preventDefault. */
    emitPreventable(event: string, ...args: unknown[]): boolean {
      let prevented = false
      const e = { preventDefault: () => (prevented = true) }
      for (const l of this.listeners.get(event) ?? []) l(e, ...args)
      return prevented
    }
  }
  class FakeWebContents extends Emitter {
    windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null
    readonly sent: Array<[string, unknown]> = []
    setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
      this.windowOpenHandler = handler
    }
    send(channel: string, payload: unknown) {
      this.sent.push([channel, payload])
    }
    async printToPDF() {
      return new Uint8Array([37, 80, 68, 70])
    }
  }
  class FakeBrowserWindow extends Emitter {
    static readonly all: FakeBrowserWindow[] = []
    readonly webContents = new FakeWebContents()
    loaded: { url?: string; file?: string } | null = null
    destroyed = false
    constructor(readonly options: { webPreferences?: Record<string, unknown> }) {
      super()
      FakeBrowserWindow.all.push(this)
    }
    async loadURL(url: string) {
      this.loaded = { url }
    }
    async loadFile(file: string) {
      this.loaded = { file }
    }
    show() {}
    destroy() {
      this.destroyed = true
    }
  }
  const state = {
    isPackaged: false,
    paths: new Map<string, string>(),
    app: new Emitter(),
    ipcHandlers: new Map<string, Listener>(),
    opened: [] as string[],
    saveDialogs: 0,
    permissionRequest: null as Listener | null,
    permissionCheck: null as Listener | null,
    headersReceived: null as Listener | null,
    encryption: true,
  }
  const electron = {
    app: {
      get isPackaged() {
        return state.isPackaged
      },
      whenReady: async () => undefined,
      on: (event: string, listener: Listener) => state.app.on(event, listener),
      setPath: (name: string, value: string) => state.paths.set(name, value),
      getPath: (name: string) => state.paths.get(name) ?? `/nonexistent/${name}`,
      getVersion: () => '9.9.9',
      quit: () => undefined,
    },
    BrowserWindow: FakeBrowserWindow,
    session: {
      defaultSession: {
        setPermissionRequestHandler: (h: Listener) => (state.permissionRequest = h),
        setPermissionCheckHandler: (h: Listener) => (state.permissionCheck = h),
        webRequest: { onHeadersReceived: (h: Listener) => (state.headersReceived = h) },
      },
    },
    ipcMain: { handle: (channel: string, h: Listener) => state.ipcHandlers.set(channel, h) },
    shell: {
      openExternal: async (url: string) => {
        state.opened.push(url)
      },
    },
    dialog: {
      showSaveDialog: async () => {
        state.saveDialogs++
        return { canceled: true, filePath: '' }
      },
    },
    safeStorage: {
      isEncryptionAvailable: () => state.encryption,
      encryptString: (s: string) => Buffer.from(`enc:${s}`),
      decryptString: (b: Buffer) => b.toString().replace(/^enc:/, ''),
    },
  }
  return { state, electron, FakeBrowserWindow, FakeWebContents, Emitter }
})

vi.mock('electron', () => fake.electron)

const MAIN_DIR = path.resolve('out/main')
const RENDERER_FILE = path.resolve('out/renderer/index.html')
const SNAPSHOT = path.resolve(BUNDLED_SNAPSHOT_PATH)
const running: AppServices[] = []
let platform: PlatformConfig | null = null

async function start(env: NodeJS.ProcessEnv = {}, isPackaged = false): Promise<StartedApp> {
  fake.state.isPackaged = isPackaged
  fake.state.paths.set('userData', fs.mkdtempSync(path.join(os.tmpdir(), 'dt-electron-')))
  fake.state.paths.set('documents', os.tmpdir())
  const started = await startApp({
    mainDir: MAIN_DIR,
    env: { DT_SNAPSHOT: SNAPSHOT, ...env },
    createServices: (p) => {
      platform = p
      const services = createAppServices({
        ...p,
        // A packaged build has no DT_SNAPSHOT; the fake resources folder has no snapshot either.
        snapshotFile: p.snapshotFile && fs.existsSync(p.snapshotFile) ? p.snapshotFile : null,
        fetch: () => Promise.reject(new Error('offline')),
      })
      running.push(services)
      return services
    },
  })
  return started
}

const mainWindow = () => fake.FakeBrowserWindow.all[0]!
const invoke = (channel: string, frame: { url: string; parent: unknown } | null) =>
  fake.state.ipcHandlers.get(channel)!({ senderFrame: frame }, null) as Promise<{
    ok: boolean
    error?: { code: string }
  }>
const appFrame = { url: pathToFileURL(RENDERER_FILE).href, parent: null }

beforeEach(() => {
  fake.FakeBrowserWindow.all.splice(0)
  fake.state.app.listeners.clear()
  fake.state.ipcHandlers.clear()
  fake.state.opened.splice(0)
  fake.state.saveDialogs = 0
  fake.state.permissionRequest = fake.state.permissionCheck = fake.state.headersReceived = null
  fake.state.encryption = true
  ;(process as { resourcesPath?: string }).resourcesPath = path.join(os.tmpdir(), 'dt-resources')
  platform = null
})

afterEach(() => {
  for (const s of running.splice(0)) s.close()
})

describe('session lockdown', () => {
  const PERMISSIONS = [
    'media',
    'geolocation',
    'notifications',
    'midi',
    'midiSysex',
    'pointerLock',
    'fullscreen',
    'openExternal',
    'clipboard-read',
    'clipboard-sanitized-write',
    'display-capture',
    'hid',
    'serial',
    'usb',
    'idle-detection',
    'window-management',
    'unknown',
  ]

  it('denies every permission request and check', async () => {
    await start()
    const request = fake.state.permissionRequest!
    const check = fake.state.permissionCheck!
    for (const permission of PERMISSIONS) {
      const answers: boolean[] = []
      request(mainWindow().webContents, permission, (granted: boolean) => answers.push(granted), {})
      expect(answers, permission).toEqual([false])
      expect(check(mainWindow().webContents, permission, 'file://', {}), permission).toBe(false)
    }
  })

  it('adds the app CSP to every response, the same policy as the page meta', async () => {
    await start()
    const answers: Array<{ responseHeaders: Record<string, string[]> }> = []
    fake.state.headersReceived!({ responseHeaders: { 'X-Other': ['1'] } }, (r: never) =>
      answers.push(r),
    )
    expect(answers[0]!.responseHeaders).toEqual({
      'X-Other': ['1'],
      'Content-Security-Policy': [APP_CSP],
    })
    const html = fs.readFileSync('renderer/index.html', 'utf8')
    expect(html.replace(/\s+/g, ' ')).toContain(`content="${APP_CSP}"`)
    expect(APP_CSP).toMatch(/default-src 'none'/)
    expect(APP_CSP).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline/)
  })
})

describe('windows', () => {
  function expectLockedDown(contents: InstanceType<typeof fake.FakeWebContents>) {
    expect(contents.emitPreventable('will-navigate', 'https://evil.example/')).toBe(true)
    expect(contents.emitPreventable('will-navigate', 'file:///etc/passwd')).toBe(true)
    expect(contents.emitPreventable('will-attach-webview', {}, {})).toBe(true)
    expect(contents.windowOpenHandler!({ url: 'https://evil.example/' })).toEqual({
      action: 'deny',
    })
    const allowed = 'https://ll.thespacedevs.com/2.3.0/docking_events/183/'
    expect(contents.windowOpenHandler!({ url: allowed })).toEqual({ action: 'deny' })
    expect(fake.state.opened).toEqual([allowed])
  }

  it('opens the main window isolated and sandboxed, and it cannot navigate or open windows', async () => {
    await start()
    const win = mainWindow()
    expect(win.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    })
    expect(win.loaded).toEqual({ file: RENDERER_FILE })
    expectLockedDown(win.webContents)
  })

  it('prints PDFs in a hidden window with its own CSP, no script, and no way out', async () => {
    await start()
    const pdf = await platform!.printPdf({
      svg: '<svg xmlns="http://www.w3.org/2000/svg"><a href="https://evil.example/">x</a></svg>',
      pageSize: 'A4',
      suggestedName: 'x.pdf',
    })
    expect(Array.from(pdf)).toEqual([37, 80, 68, 70])
    const win = fake.FakeBrowserWindow.all[1]!
    expect(win.options.webPreferences).toMatchObject({
      javascript: false,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
    })
    const url = win.loaded!.url!
    expect(url.startsWith('data:text/html;charset=utf-8,')).toBe(true)
    const html = decodeURIComponent(url.slice('data:text/html;charset=utf-8,'.length))
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${PDF_CSP}">`)
    expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<svg'))
    expect(PDF_CSP).toMatch(/default-src 'none'/)
    expect(PDF_CSP).not.toMatch(/script-src/)
    expectLockedDown(win.webContents)
    expect(win.destroyed).toBe(true)
  })

  it('locks down any other page that gets created', async () => {
    await start()
    const contents = new fake.FakeWebContents()
    for (const l of fake.state.app.listeners.get('web-contents-created') ?? []) l({}, contents)
    expectLockedDown(contents)
  })
})

describe('IPC sender check', () => {
  it('answers the app page and refuses other origins, files and subframes', async () => {
    await start()
    expect(await invoke('dt:app:get-info', appFrame)).toMatchObject({ ok: true })
    const forbidden = { ok: false, error: { code: 'forbidden-sender' } }
    const others = [
      null,
      { url: 'https://evil.example/', parent: null },
      { url: 'http://localhost:5173/', parent: null },
      { url: pathToFileURL(path.resolve('out/renderer/other.html')).href, parent: null },
      { url: 'file:///etc/passwd', parent: null },
      { url: 'data:text/html,hi', parent: null },
      { ...appFrame, parent: appFrame },
    ]
    for (const frame of others)
      expect(await invoke('dt:data:get', frame), JSON.stringify(frame)).toMatchObject(forbidden)
    expect(fake.state.ipcHandlers.size).toBe(14)
  })
})

describe('test switches', () => {
  const env = {
    ELECTRON_RENDERER_URL: 'https://evil.example/app/',
    DT_EXPORT_DIR: path.join(os.tmpdir(), 'dt-no-dialog'),
  }

  it('are honoured in development', async () => {
    await start(env, false)
    expect(mainWindow().loaded).toEqual({ url: env.ELECTRON_RENDERER_URL })
    expect(await platform!.chooseSavePath('a.csv', 'csv')).toBe(
      path.join(env.DT_EXPORT_DIR, 'a.csv'),
    )
    expect(fake.state.saveDialogs).toBe(0)
    // The dev server's pages may call the API, as the bundled page may.
    expect(
      await invoke('dt:app:get-info', { url: 'https://evil.example/app/index.html', parent: null }),
    ).toMatchObject({ ok: true })
  })

  it('are ignored by a packaged build: bundled page, the save dialog, no trust in the URL', async () => {
    await start(env, true)
    expect(mainWindow().loaded).toEqual({ file: RENDERER_FILE })
    expect(await platform!.chooseSavePath('a.csv', 'csv')).toBeNull()
    expect(fake.state.saveDialogs).toBe(1)
    expect(
      await invoke('dt:app:get-info', { url: 'https://evil.example/app/index.html', parent: null }),
    ).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } })
    expect(platform!.snapshotFile).toBe(
      path.join(os.tmpdir(), 'dt-resources', BUNDLED_SNAPSHOT_PATH),
    )
  })
})

describe('secretBoxFrom', () => {
  it('encrypts with safeStorage when the system keychain is available', () => {
    const box = secretBoxFrom(fake.electron.safeStorage as never)
    expect(box.available).toBe(true)
    const cipher = box.encrypt('my-api-key')
    expect(cipher).toBe(Buffer.from('enc:my-api-key').toString('base64'))
    expect(box.decrypt(cipher)).toBe('my-api-key')
  })

  it('says it is unavailable, and refuses to pretend, when there is no keychain', () => {
    fake.state.encryption = false
    const box = secretBoxFrom(fake.electron.safeStorage as never)
    expect(box.available).toBe(false)
    expect(() => box.encrypt('my-api-key')).toThrow(/keychain is not available/)
    expect(() => box.decrypt('ZW5jOng=')).toThrow(/keychain is not available/)
  })
})
