/**
 * Feed images load only from hosts the operator allowed in settings (`imageHosts`), over https; plain
 * http only for the hosts also listed in `imageHttpHosts`. The URL is read with the contract's own
 * grammar (schema.ts), not the engine's URL parser, so every box decides the same.
 */
import { splitHttpUrl } from './schema'

const DEFAULT_PORT = { http: '80', https: '443' } as const

/** `host` or `host:port` in lower case, without the scheme's default port. */
function hostKey(hostAndPort: string, scheme: 'http' | 'https'): string {
  const key = hostAndPort.toLowerCase()
  const suffix = `:${DEFAULT_PORT[scheme]}`
  return key.slice(-suffix.length) === suffix ? key.slice(0, -suffix.length) : key
}

export function isAllowedImage(src: string, allowedHosts: readonly string[], httpHosts: readonly string[] = []): boolean {
  const url = splitHttpUrl(src)
  if (!url) return false
  const key = hostKey(url.port ? `${url.host}:${url.port}` : url.host, url.scheme)
  const listed = (hosts: readonly string[]): boolean => hosts.some((host) => hostKey(host, url.scheme) === key)
  if (!listed(allowedHosts)) return false
  return url.scheme === 'https' || listed(httpHosts)
}
