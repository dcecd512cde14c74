/**
 * Boot: settings → (mocks in the preview build) → cache and repository → Lightning.
 * Everything that can fail before the first frame shows a readable message, never a blank screen.
 */
import { Launch } from '@lightningjs/sdk'
import { showBootError } from './bootError'
import { buildKeyMap } from './config/keyPresets'
import { loadPreferences } from './config/preferences'
import { parseSettingsText, SettingsError, type Settings } from './config/settings'
import { openFeedCache } from './feed/cache'
import { deferredCache } from './feed/deferredCache'
import { browserHintStorage, createIndexHint } from './feed/indexHint'
import { createHttpClient, defaultTransport } from './feed/http'
import { FeedRepository } from './feed/repository'
import { afterFirstPaint } from './firstContent'
import { LocalFeeds } from './feed/localFeeds'
import { loadMyPlace } from './config/myPlace'
import { installPartialRepaint, type C2dStage } from './platform/c2dPartialRepaint'
import { installFrameSkip, type WebglStage } from './platform/webglFrameSkip'
import { browserRendererEnvironment, chooseRenderer } from './platform/renderer'
import { placeCanvas, windowSize } from './platform/stagePlacement'
import { fitStage } from './platform/stageFit'
import { setLanguage, t } from './i18n/strings'
import { provideServices } from './services'
import { applyBranding } from './theme/branding'
import { fontStackOf, setFontStack } from './theme/fonts'
import { setLargeText } from './theme/scale'
import { palette } from './theme/tokens'
import { App } from './App'

performance.mark('app:boot')

const query = new URLSearchParams(location.search)

async function loadSettings(): Promise<Settings> {
  const response = await defaultTransport()('settings.json', { headers: {}, timeoutMs: 8000 })
  if (response.status !== 200) {
    throw new SettingsError('(the whole file)', 'settings.json next to index.html', `HTTP ${response.status}`)
  }
  return parseSettingsText(response.text)
}

/** The editors' preview (static/preview.html) runs the app in a frame on a draft feed it posts in. */
const preview = query.get('preview') === '1'

async function startMocks(settings: Settings): Promise<void> {
  if (!__MOCKS__ || preview || query.get('mock') === '0') return
  const { startBrowserMocks } = await import('../mocks/browser')
  await startBrowserMocks({
    scenario: query.get('scenario') ?? undefined,
    baseUrl: new URL(settings.feedBaseUrl, location.href).href,
    progressBaseUrl: new URL(settings.progressApiUrl, location.href).href,
    ...(settings.pollApiUrl ? { pollBaseUrl: new URL(settings.pollApiUrl, location.href).href } : {}),
    ...(settings.assistApiUrl ? { assistBaseUrl: new URL(settings.assistApiUrl, location.href).href } : {}),
  })
}

async function boot(): Promise<void> {
  // The cache opens while settings load: both are needed before the feed can be read.
  // A draft must never land in the box's cache: the preview runs on memory only.
  const cacheOpening = openFeedCache(preview ? { indexedDB: null } : {})
  let settings: Settings
  try {
    settings = await loadSettings()
  } catch (error) {
    setLanguage('zh-CN')
    if (error instanceof SettingsError) {
      showBootError(
        t('settings.errorTitle'),
        t('settings.errorBody', { field: error.field, expected: error.expected, received: error.received }),
      )
    } else {
      showBootError(t('settings.errorTitle'), String(error))
    }
    return
  }
  setLanguage(settings.language)
  applyBranding(settings.operator)
  await startMocks(settings)

  const preferences = loadPreferences()
  setLargeText(preferences.largeText)
  setFontStack(fontStackOf(settings.fontFace))
  let http = createHttpClient({ timeoutMs: settings.requestTimeoutMs })
  if (preview) {
    // The draft is answered from what the editor loaded into the preview page.
    const { draftTransport } = await import('./feed/draftTransport')
    http = createHttpClient({ transport: await draftTransport(), retries: 0 })
    const res = query.get('res')
    if (res === '720' || res === '1080') settings = { ...settings, resolution: res === '720' ? 720 : 1080 }
  }
  // Not awaited: a box that has never stored its index asks the network while IndexedDB is still opening.
  const cache = deferredCache(cacheOpening)
  const indexHint = preview ? undefined : createIndexHint(browserHintStorage())
  // A new index is stored once the screen shows it: writing 10 000 notices would hold back the first frame.
  const repository = new FeedRepository({ settings, http, cache, afterPaint: afterFirstPaint, ...(indexHint ? { indexHint } : {}) })
  // The feed is read while Lightning starts, not after it: the App shows whatever has arrived.
  // A warm start revalidates within 3 s, spread so a county's boxes switched on together do not all ask at once.
  void repository.start({ revalidateDelayMs: 3000 })
  repository.startBackgroundRefresh()
  // After the request has left: making a WebGL context blocks this thread for a few hundred ms
  // (the GPU process, or software GL), and the index downloads meanwhile.
  const { context: probedContext, ...renderer } = chooseRenderer(settings.renderer, browserRendererEnvironment())
  // The township's and village's feeds share the county's client and cache; App makes them follow the place.
  const localFeeds = new LocalFeeds({ settings, http, cache })
  const place = preview ? undefined : loadMyPlace()
  provideServices({ settings, repository, localFeeds, place, http, cache, preferences, version: __VERSION__, renderer, now: () => Date.now() })

  if (query.get('inspector') === '1') {
    // Attached before the Application exists: elements created earlier are not mirrored.
    const [{ default: Lightning }] = await Promise.all([
      import('@lightningjs/core'),
      import('@lightningjs/core/inspector'),
    ])
    const attach = (window as unknown as { attachInspector?: (l: unknown) => void }).attachInspector
    attach?.(Lightning)
  }

  // The 1080p design always fits the window; `resolution` only caps how many pixels are drawn.
  const fit = fitStage(windowSize(), settings.resolution)
  const stage: Record<string, unknown> = {
    clearColor: palette.background,
    useImageWorker: false,
    canvas2d: renderer.renderer === 'canvas2d',
    forceTxCanvasSource: settings.textUpload === 'direct',
  }
  if (probedContext) {
    // Lightning sizes a canvas it makes itself; the probe's canvas is sized here.
    const probeCanvas = (probedContext as { canvas: HTMLCanvasElement }).canvas
    probeCanvas.width = fit.canvasWidth
    probeCanvas.height = fit.canvasHeight
    stage.context = probedContext
  }
  const appSettings = {
    stage,
    debug: false,
    // Texts name the whole stack (text.ts); this is for any text that does not.
    defaultFontFace: fontStackOf(settings.fontFace)[0] ?? 'sans-serif',
    keys: buildKeyMap(settings.keyPreset, settings.keys),
    version: __VERSION__,
  }
  // Pages are created when opened and destroyed when left: boxes have little memory, and history
  // state brings back the focused item.
  const router = { backtrack: true, lazyCreate: true, lazyDestroy: true, gcOnUnload: true }
  // width/height make the SDK set precision = width / 1920 (and stop its own 720p guess).
  const platformSettings = { width: fit.canvasWidth, height: fit.canvasHeight, path: './', log: false, showVersion: false, router }
  const app = Launch(App, appSettings as never, platformSettings as never)
  // Without WebGL every pixel is software work: a frame repaints only what changed (c2dPartialRepaint.ts).
  const repaints = renderer.renderer === 'canvas2d' ? installPartialRepaint(app.stage as unknown as C2dStage) : undefined
  // With WebGL a frame that draws what the last one drew is skipped (webglFrameSkip.ts).
  const frames = renderer.renderer === 'webgl' ? installFrameSkip(app.stage as unknown as WebglStage) : undefined
  if (query.get('inspector') === '1') {
    // For the field engineer's web inspector and the browser tests: the stage, and what its frames repainted.
    ;(window as unknown as { __govTv?: unknown }).__govTv = { stage: app.stage, repaints, frames }
  }
  const canvas = app.stage.getCanvas()
  canvas.setAttribute('data-testid', 'stage')
  canvas.setAttribute('data-renderer', renderer.renderer)
  placeCanvas(canvas, fit)
  // One line for the field engineer's web inspector (关于本机 shows the same).
  console.info(`[gov-tv] renderer ${renderer.renderer} (${renderer.reason}), canvas ${fit.canvasWidth}×${fit.canvasHeight} shown at ${fit.cssWidth}×${fit.cssHeight}`)
  document.body.appendChild(canvas)
  // A desktop preview window can be resized; the drawing buffer stays, only its place on the page moves.
  window.addEventListener('resize', () => placeCanvas(canvas, fitStage(windowSize(), settings.resolution)))
}

void boot().catch((error: unknown) => showBootError(t('error.title'), String(error)))
