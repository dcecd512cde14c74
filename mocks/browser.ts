/**
 * Starts the mock feed in the browser (preview and e2e builds only: src/index.ts imports this behind
 * __MOCKS__). The worker script must be served next to index.html as ./mockServiceWorker.js.
 */
import { setupWorker, type SetupWorker } from 'msw/browser'
import { createHandlers, DEFAULT_API_BASE, DEFAULT_FEED_BASE } from './handlers'
import { isScenarioName, scenarioFromSearch, scenarioHandlers, SCENARIOS } from './scenarios'

export interface BrowserMockOptions {
  /** A name from SCENARIOS; when absent, `?scenario=` of the page address is used. */
  scenario?: string | null
  baseUrl?: string
  progressBaseUrl?: string
  /** The call-back service (settings' assistApiUrl); default the progress API's base. */
  assistBaseUrl?: string
}

export async function startBrowserMocks(options: BrowserMockOptions = {}): Promise<SetupWorker> {
  const bases = {
    baseUrl: options.baseUrl ?? DEFAULT_FEED_BASE,
    progressBaseUrl: options.progressBaseUrl ?? DEFAULT_API_BASE,
    ...(options.assistBaseUrl ? { assistBaseUrl: options.assistBaseUrl } : {}),
  }
  const requested = options.scenario ?? scenarioFromSearch(location.search)
  if (requested && !isScenarioName(requested)) {
    // A typo in the address should not silently look like a working scenario.
    console.warn(`[mocks] unknown scenario "${requested}"; known: ${SCENARIOS.join(', ')}`)
  }
  const scenario = isScenarioName(requested) ? scenarioHandlers(requested, bases) : []
  // Scenario handlers come first so they win; what they leave unanswered reaches the normal feed.
  const worker = setupWorker(...scenario, ...createHandlers(bases))
  await worker.start({
    serviceWorker: { url: './mockServiceWorker.js' },
    onUnhandledRequest: 'bypass',
    quiet: true,
  })
  return worker
}
