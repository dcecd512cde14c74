/**
 * The mock feed for vitest: an msw node server on absolute `http://localhost/...` bases (node has no
 * page origin to resolve `/feed` against).
 */
import { setupServer } from 'msw/node'
import { createHandlers } from './handlers'
import { nodeMediaLoader } from './nodeMedia'
import { scenarioHandlers, type ScenarioName, type ScenarioOptions } from './scenarios'

export const NODE_FEED_BASE = 'http://localhost/feed'
export const NODE_API_BASE = 'http://localhost/api'

export const handlers = createHandlers({ baseUrl: NODE_FEED_BASE, progressBaseUrl: NODE_API_BASE, media: nodeMediaLoader })
export const server = setupServer(...handlers)

/** Puts a scenario in front of the normal handlers until the next resetMocks(). */
export function useScenario(name: ScenarioName, options: ScenarioOptions = {}): void {
  server.use(...scenarioHandlers(name, { baseUrl: NODE_FEED_BASE, progressBaseUrl: NODE_API_BASE, ...options }))
}

/** Between tests: drop scenarios, forget wrong verification codes and the answers to polls. */
export function resetMocks(): void {
  server.resetHandlers()
  handlers.resetProgressAttempts()
  handlers.resetPolls()
  handlers.resetAssistRequests()
}

export { createHandlers } from './handlers'
export { scenarioHandlers, SCENARIOS } from './scenarios'
