/**
 * The CLI's fetch: undici 7's, through the proxy the environment names.
 *
 * Node's built-in fetch ignores HTTPS_PROXY and friends; users at
 * universities and agencies often sit behind one. undici's
 * EnvHttpProxyAgent honours HTTP_PROXY, HTTPS_PROXY and NO_PROXY (either
 * case), tunnelling https through CONNECT and sending http as proxied requests. Without a proxy it is still
 * undici 7 with its own Agent: the undici bundled with Node 20 keeps the
 * socket of an aborted body read open, so a stalled server would hold a
 * connection for good.
 */
import { Agent, EnvHttpProxyAgent, fetch as undiciFetch, type Dispatcher } from 'undici'

import type { FetchLike } from '../ll2/http-request'

const first = (env: NodeJS.ProcessEnv, ...names: string[]): string | undefined =>
  names.map((n) => env[n]).find((v) => v !== undefined && v !== '')

/** undici's fetch, through the proxy `env` names when it names one. */
export function proxyAwareFetch(env: NodeJS.ProcessEnv): FetchLike {
  const httpProxy = first(env, 'http_proxy', 'HTTP_PROXY')
  const httpsProxy = first(env, 'https_proxy', 'HTTPS_PROXY')
  const dispatcher: Dispatcher =
    httpProxy === undefined && httpsProxy === undefined
      ? new Agent()
      : new EnvHttpProxyAgent({
          httpProxy,
          // As curl does: an http proxy alone serves https too.
          httpsProxy: httpsProxy ?? httpProxy,
          noProxy: first(env, 'no_proxy', 'NO_PROXY') ?? '',
          // Plain http goes as an ordinary proxied request; many proxies allow CONNECT to 443 only.
          proxyTunnel: false,
        })
  // undici's Response is the same WHATWG Response as Node's global one, typed apart.
  return (url, init) =>
    undiciFetch(url, {
      ...(init as Parameters<typeof undiciFetch>[1]),
      dispatcher,
    }) as unknown as Promise<Response>
}
