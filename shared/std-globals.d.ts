// `shared/` compiles without DOM or Node types so neither can creep in; these
// are the web-standard globals that both runtimes provide and shared code uses.
declare class URL {
  constructor(url: string, base?: string | URL)
  readonly protocol: string
  readonly hostname: string
  readonly port: string
  readonly username: string
  readonly password: string
  readonly searchParams: URLSearchParams
  readonly pathname: string
  readonly search: string
  readonly origin: string
  href: string
  toString(): string
}
declare class URLSearchParams {
  constructor(init?: string | Record<string, string> | ReadonlyArray<readonly [string, string]>)
  append(name: string, value: string): void
  get(name: string): string | null
  getAll(name: string): string[]
  set(name: string, value: string): void
  has(name: string): boolean
  forEach(callback: (value: string, key: string) => void): void
  toString(): string
}
