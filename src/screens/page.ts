/** What every routed page shares: the Router's page flag for the SDK's types. */
import type { Lightning } from '@lightningjs/sdk'

export interface PageTypeConfig extends Lightning.Component.TypeConfig {
  IsPage: true
}

/** Router history state: plain data the Router keeps for a page while it is not shown. */
export type HistoryState = Record<string, unknown> | null | undefined
