/** The QR encoder as a chunk of its own (about 8 kB gzip), loaded once and shared. */
let loading: Promise<typeof import('./qr')> | undefined

export function loadQrEncoder(): Promise<typeof import('./qr')> {
  if (!loading) {
    loading = import('./qr')
    // A failed load (offline) may be tried again the next time a code is shown.
    loading.catch(() => (loading = undefined))
  }
  return loading
}
