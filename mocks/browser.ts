/**
 * Starts the mock feed in the browser (preview and e2e builds only: src/index.ts imports this behind
 * __MOCKS__). The worker script must be served next to index.html as ./mockServiceWorker.js.
 */
import { bypass } from 'msw'
import { setupWorker, type SetupWorker } from 'msw/browser'
import { videoElement } from '../src/platform/videoSurface'
import { createHandlers, DEFAULT_API_BASE, DEFAULT_FEED_BASE, type MediaLoader } from './handlers'
import { isScenarioName, scenarioFromSearch, scenarioHandlers, SCENARIOS } from './scenarios'

export interface BrowserMockOptions {
  /** A name from SCENARIOS; when absent, `?scenario=` of the page address is used. */
  scenario?: string | null
  baseUrl?: string
  progressBaseUrl?: string
  /** The call-back service (settings' assistApiUrl); default the progress API's base. */
  assistBaseUrl?: string
  pollBaseUrl?: string
}

/** The media files the mock build copies next to the app (rollup.config.js: mock-media/), read past the worker. */
const pageMedia: MediaLoader = async (file) => {
  const response = await fetch(bypass(new URL(`mock-media/${file}`, location.href).href))
  return response.ok ? new Uint8Array(await response.arrayBuffer()) : undefined
}

/**
 * The worker hands a request to the page as a new Request, and one in no-cors mode (what a <video>
 * without `crossorigin` sends) loses its Range header on the way (mswjs/msw#2552): the mock media host
 * could not answer byte ranges, and a video it serves could not seek. So in the mock build the page's
 * <video> asks in cors mode; the mock host allows any origin. Production builds leave it as it is: many
 * CDNs send no CORS headers for media.
 */
function corsVideo(): void {
  videoElement().crossOrigin = 'anonymous'
}

export async function startBrowserMocks(options: BrowserMockOptions = {}): Promise<SetupWorker> {
  const bases = {
    baseUrl: options.baseUrl ?? DEFAULT_FEED_BASE,
    progressBaseUrl: options.progressBaseUrl ?? DEFAULT_API_BASE,
    ...(options.pollBaseUrl ? { pollBaseUrl: options.pollBaseUrl } : {}),
    ...(options.assistBaseUrl ? { assistBaseUrl: options.assistBaseUrl } : {}),
  }
  const requested = options.scenario ?? scenarioFromSearch(location.search)
  if (requested && !isScenarioName(requested)) {
    // A typo in the address should not silently look like a working scenario.
    console.warn(`[mocks] unknown scenario "${requested}"; known: ${SCENARIOS.join(', ')}`)
  }
  const scenario = isScenarioName(requested) ? scenarioHandlers(requested, bases) : []
  // Scenario handlers come first so they win; what they leave unanswered reaches the normal feed.
  const worker = setupWorker(...scenario, ...createHandlers({ ...bases, media: pageMedia }))
  corsVideo()
  await worker.start({
    serviceWorker: { url: './mockServiceWorker.js' },
    onUnhandledRequest: 'bypass',
    quiet: true,
  })
  return worker
}
