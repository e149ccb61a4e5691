import { contextBridge, ipcRenderer } from 'electron'

import { buildAppApi, CHANNEL_PREFIX } from '../shared/ipc/contract'

// Exactly AppApi: one function per contract channel, never ipcRenderer itself.
const api = buildAppApi(
  (channel, request) => {
    if (!channel.startsWith(CHANNEL_PREFIX)) return Promise.reject(new Error('bad channel'))
    return ipcRenderer.invoke(channel, request)
  },
  (channel, listener) => {
    const wrapped = (_event: unknown, payload: unknown) => listener(payload)
    ipcRenderer.on(channel, wrapped)
    return () => {
      ipcRenderer.removeListener(channel, wrapped)
    }
  },
)

contextBridge.exposeInMainWorld('api', api)
