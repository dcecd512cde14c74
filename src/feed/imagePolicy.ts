/** Feed images load only from http(s) hosts the operator allowed in settings (`imageHosts`). */
export function isAllowedImage(src: string, allowedHosts: readonly string[]): boolean {
  try {
    const url = new URL(src)
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return false
    return allowedHosts.some((host) => host.toLowerCase() === url.host.toLowerCase())
  } catch {
    return false
  }
}
