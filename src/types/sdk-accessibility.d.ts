/** The SDK exports Accessibility at runtime but its index.d.ts omits it; this is the part we use. */
import '@lightningjs/sdk'

declare module '@lightningjs/sdk' {
  export const Accessibility: {
    Announcer: {
      enabled: boolean
      debug: boolean
      onFocusChange(focusPath: unknown): void
      speak(text: string | string[]): unknown
      cancel(): void
    }
  }
}
