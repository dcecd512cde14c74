/**
 * The editors' preview (static/preview.html): load a draft feed (files, a folder, a zip, drag-and-drop or
 * a URL), show the app on it in a frame at 1280×720 or 1920×1080 scaled to fit, and list every problem in
 * plain Chinese beside it. The app in the frame (index.html?preview=1) asks for the draft with
 * `gov-tv-ready` and gets it as `gov-tv-draft` (see src/feed/draftTransport.ts). Plain DOM: no Lightning here.
 */
import { unzipSync } from 'fflate'
import { parseSettingsText, type Settings } from '../config/settings'
import { describeProblem, problemSeverity } from './problemText'
import {
  checkDraft,
  detectKind,
  draftFileMap,
  draftRegions,
  placeFiles,
  type DraftFile,
  type FileReport,
} from './draftFiles'
import { DRAFT_MESSAGE, READY_MESSAGE } from '../feed/draftTransport'
import { feedPaths, feedUrl } from '../feed/feedUrls'

const MAX_FILES = 5000
const MAX_FETCHES = 400

function byId<T extends HTMLElement>(id: string): T {
  const el = document.getElementById(id)
  if (!el) throw new Error(`preview.html lacks #${id}`)
  return el as T
}

const frame = byId<HTMLIFrameElement>('frame')
const frameBox = byId<HTMLDivElement>('frame-box')
const stage = byId<HTMLDivElement>('stage')
const regionLine = byId<HTMLParagraphElement>('region')
const summary = byId<HTMLParagraphElement>('summary')
const problemList = byId<HTMLDivElement>('problems')
const fileLine = byId<HTMLParagraphElement>('files')

let settings: Settings | undefined
let settingsError: string | undefined
let draft: Record<string, string> = {}
let resolution: 720 | 1080 = 720

// ---- the frame ------------------------------------------------------------------------------------

function frameUrl(): string {
  return `index.html?preview=1&res=${resolution}`
}

function layoutFrame(): void {
  const w = resolution === 720 ? 1280 : 1920
  const h = resolution === 720 ? 720 : 1080
  const scale = Math.min(stage.clientWidth / w, stage.clientHeight / h, 1)
  frame.style.width = `${w}px`
  frame.style.height = `${h}px`
  frame.style.transform = `scale(${scale})`
  frameBox.style.width = `${Math.floor(w * scale)}px`
  frameBox.style.height = `${Math.floor(h * scale)}px`
}

/** Starts the app again on the current draft; `keepPlace` keeps the screen it was on (the hash route). */
function restartApp(keepPlace: boolean): void {
  const hash = keepPlace ? (frame.contentWindow?.location.hash ?? '') : ''
  frame.src = `${frameUrl()}&t=${Date.now()}${hash}`
  layoutFrame()
}

window.addEventListener('message', (event) => {
  if (event.source !== frame.contentWindow) return
  const data = event.data as { type?: unknown } | null
  if (data && data.type === READY_MESSAGE) {
    const origin = location.origin === 'null' ? '*' : location.origin
    frame.contentWindow?.postMessage({ type: DRAFT_MESSAGE, files: draft }, origin)
  }
})

window.addEventListener('resize', layoutFrame)

function focusFrame(): void {
  frame.focus()
  frame.contentWindow?.focus()
}

frame.addEventListener('focus', () => frameBox.classList.add('focused'))
frame.addEventListener('blur', () => frameBox.classList.remove('focused'))
frameBox.addEventListener('click', focusFrame)

const REMOTE_KEYS = new Set([8, 13, 27, 33, 34, 37, 38, 39, 40])

/** Keys pressed on the page itself (not in a field) go to the app, as if the frame had focus. */
document.addEventListener('keydown', (event) => {
  const target = event.target as HTMLElement | null
  if (target && /^(INPUT|TEXTAREA|SELECT|BUTTON)$/.test(target.tagName)) return
  if (!REMOTE_KEYS.has(event.keyCode)) return
  const doc = frame.contentDocument
  const win = frame.contentWindow as (Window & typeof globalThis) | null
  if (!doc || !win) return
  event.preventDefault()
  focusFrame()
  const copy = new win.KeyboardEvent('keydown', { key: event.key, code: event.code, bubbles: true, cancelable: true })
  // Lightning maps keys by keyCode, which the KeyboardEvent constructor cannot set.
  Object.defineProperty(copy, 'keyCode', { get: () => event.keyCode })
  Object.defineProperty(copy, 'which', { get: () => event.keyCode })
  ;(doc.activeElement ?? doc.body).dispatchEvent(copy)
})

for (const radio of Array.from(document.querySelectorAll<HTMLInputElement>('input[name="res"]'))) {
  radio.addEventListener('change', () => {
    if (!radio.checked) return
    resolution = radio.value === '1080' ? 1080 : 720
    restartApp(true)
  })
}
byId('reload').addEventListener('click', () => restartApp(true))
byId('restart').addEventListener('click', () => restartApp(false))

// ---- reading a draft --------------------------------------------------------------------------------

const decoder = new TextDecoder('utf-8')

function isJsonName(name: string): boolean {
  return /\.json$/i.test(name) && !/(^|\/)__MACOSX\//.test(name) && !/(^|\/)\.[^/]*$/.test(name)
}

function filesFromZip(name: string, bytes: Uint8Array): DraftFile[] {
  const entries = unzipSync(bytes, { filter: (file) => isJsonName(file.name) })
  return Object.keys(entries)
    .slice(0, MAX_FILES)
    .map((entry) => ({ name: `${name}!/${entry}`, text: decoder.decode(entries[entry]) }))
}

async function filesFromBlobs(blobs: readonly { name: string; file: File }[]): Promise<DraftFile[]> {
  const out: DraftFile[] = []
  for (const { name, file } of blobs.slice(0, MAX_FILES)) {
    if (/\.zip$/i.test(name)) out.push(...filesFromZip(name, new Uint8Array(await file.arrayBuffer())))
    else if (isJsonName(name)) out.push({ name, text: await file.text() })
  }
  return out
}

/** Directories dropped from the file manager, read recursively (Chromium and Firefox). */
async function readEntry(entry: FileSystemEntry, out: { name: string; file: File }[]): Promise<void> {
  if (out.length >= MAX_FILES) return
  if (entry.isFile) {
    const file = await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject))
    out.push({ name: entry.fullPath.replace(/^\//, ''), file })
    return
  }
  if (!entry.isDirectory) return
  const reader = (entry as FileSystemDirectoryEntry).createReader()
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject))
    if (batch.length === 0) break
    for (const child of batch) await readEntry(child, out)
  }
}

async function fetchText(url: string): Promise<{ status: number; text: string; bytes?: Uint8Array }> {
  const res = await fetch(url, { cache: 'no-store' })
  if (/\.zip($|\?)/i.test(url)) return { status: res.status, text: '', bytes: new Uint8Array(await res.arrayBuffer()) }
  return { status: res.status, text: res.status === 200 ? await res.text() : '' }
}

/**
 * A URL may name a zip, one document (an index brings its notices and guides along, fetched next to
 * it), or the feed's base URL (then the index of the configured region is read).
 */
async function filesFromUrl(input: string): Promise<DraftFile[]> {
  let url = new URL(input, location.href).href
  if (!/\.(json|zip)($|\?)/i.test(url)) {
    const region = settings?.regionCode ?? ''
    url = feedUrl(url, feedPaths(region).index)
  }
  const first = await fetchText(url)
  if (first.status !== 200) throw new Error(`${url}：HTTP ${first.status}`)
  if (first.bytes) return filesFromZip(url, first.bytes)
  const files: DraftFile[] = [{ name: url, text: first.text }]
  let value: unknown
  try {
    value = JSON.parse(first.text) as unknown
  } catch {
    return files
  }
  if (detectKind(value) !== 'index') return files
  const root = new URL('.', url).href
  const record = value as Record<string, unknown>
  const wanted: string[] = []
  for (const key of ['notices', 'guides'] as const) {
    const list = record[key]
    if (!Array.isArray(list)) continue
    for (const item of list as unknown[]) {
      const id = (item as { id?: unknown } | null)?.id
      if (typeof id === 'string' && /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/.test(id)) wanted.push(`${key}/${id}.json`)
    }
  }
  let next = 0
  const worker = async (): Promise<void> => {
    while (next < Math.min(wanted.length, MAX_FETCHES)) {
      const path = wanted[next++] ?? ''
      try {
        const res = await fetchText(new URL(path, root).href)
        // A detail that is not there is reported by the cross-file check ("缺少详情文件").
        if (res.status === 200) files.push({ name: new URL(path, root).href, text: res.text })
      } catch {
        // Same: missing.
      }
    }
  }
  await Promise.all([worker(), worker(), worker(), worker()])
  return files
}

// ---- showing the result -----------------------------------------------------------------------------

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag)
  if (text !== undefined) node.textContent = text
  if (className) node.className = className
  return node
}

function showRegion(files: readonly DraftFile[]): void {
  const regions = draftRegions(files)
  regionLine.className = ''
  if (settingsError) {
    regionLine.textContent = `读不到本机的 settings.json：${settingsError}`
    regionLine.className = 'bad'
  } else if (!settings) {
    regionLine.textContent = ''
  } else if (regions.length === 0) {
    regionLine.textContent = `本机设置的地区编码为 ${settings.regionCode}。草稿里没有可识别的 index.json，首页将显示“暂时连不上”。`
    regionLine.className = 'bad'
  } else if (!regions.includes(settings.regionCode)) {
    regionLine.textContent =
      `草稿的地区编码（${regions.join('、')}）与本机设置的 regionCode（${settings.regionCode}）不一致：` +
      `机顶盒只读取 ${settings.regionCode} 的内容，所以画面上看不到这份草稿。请检查 index.json 的 region.code，或换用对应地区的预览地址。`
    regionLine.className = 'bad'
  } else {
    regionLine.textContent = `地区编码 ${settings.regionCode}，与本机设置一致。`
  }
}

function showProblems(reports: readonly FileReport[]): void {
  problemList.textContent = ''
  let rejected = 0
  let dropped = 0
  let crossFile = 0
  let notes = 0
  for (const report of reports) {
    if (report.problems.length === 0) continue
    const box = el('div', undefined, 'file')
    const title = el('h3', report.name)
    if (report.feedPath && report.feedPath !== report.name) title.append(' ', el('small', `→ ${report.feedPath}`))
    box.append(title)
    const list = el('ul')
    for (const problem of report.problems) {
      const severity = problemSeverity(problem)
      if (severity === 'note') notes++
      else if (severity === 'cross-file') crossFile++
      else if (severity === 'dropped') dropped++
      else rejected++
      list.append(el('li', describeProblem(problem), severity))
    }
    box.append(list)
    problemList.append(box)
  }
  const total = rejected + dropped + crossFile
  if (reports.length === 0) {
    summary.textContent = '草稿里没有 JSON 文件。'
    summary.className = ''
  } else if (total === 0) {
    summary.textContent = notes > 0 ? `没有发现问题（另有 ${notes} 条提示）` : '没有发现问题'
    summary.className = 'clean'
  } else {
    summary.textContent =
      `共 ${reports.length} 个文件，发现 ${total} 个问题：${rejected} 处使整个文件不被采用，${dropped} 处使某一条不显示，` +
      `${crossFile} 处文件之间对不上` +
      (notes > 0 ? `；另有 ${notes} 条提示。` : '。')
    summary.className = ''
  }
}

async function useDraft(loaded: DraftFile[]): Promise<void> {
  await settingsReady
  const placed = placeFiles(loaded, settings?.regionCode ?? '000000')
  draft = draftFileMap(placed)
  const reports = checkDraft(placed)
  showRegion(placed)
  showProblems(reports)
  fileLine.textContent = `已载入 ${placed.length} 个文件：${placed
    .slice(0, 12)
    .map((f) => f.feedPath ?? f.name)
    .join('，')}${placed.length > 12 ? ' …' : ''}`
  restartApp(false)
  focusFrame()
}

function failed(error: unknown): void {
  summary.textContent = `载入失败：${error instanceof Error ? error.message : String(error)}`
  summary.className = ''
}

byId<HTMLInputElement>('pick-files').addEventListener('change', (event) => {
  const input = event.target as HTMLInputElement
  const picked = Array.from(input.files ?? []).map((file) => ({ name: file.name, file }))
  filesFromBlobs(picked).then(useDraft, failed)
  input.value = ''
})

byId<HTMLInputElement>('pick-folder').addEventListener('change', (event) => {
  const input = event.target as HTMLInputElement
  const picked = Array.from(input.files ?? []).map((file) => ({ name: file.webkitRelativePath || file.name, file }))
  filesFromBlobs(picked).then(useDraft, failed)
  input.value = ''
})

byId<HTMLFormElement>('url-form').addEventListener('submit', (event) => {
  event.preventDefault()
  const value = byId<HTMLInputElement>('url').value.trim()
  if (value) filesFromUrl(value).then(useDraft, failed)
})

let dragDepth = 0
document.addEventListener('dragenter', (event) => {
  event.preventDefault()
  dragDepth++
  document.body.classList.add('dragging')
})
document.addEventListener('dragleave', () => {
  dragDepth = Math.max(0, dragDepth - 1)
  if (dragDepth === 0) document.body.classList.remove('dragging')
})
document.addEventListener('dragover', (event) => event.preventDefault())
document.addEventListener('drop', (event) => {
  event.preventDefault()
  dragDepth = 0
  document.body.classList.remove('dragging')
  const items = Array.from(event.dataTransfer?.items ?? [])
  const entries = items
    .map((item) => (typeof item.webkitGetAsEntry === 'function' ? item.webkitGetAsEntry() : null))
    .filter((entry): entry is FileSystemEntry => entry !== null)
  const read = async (): Promise<DraftFile[]> => {
    if (entries.length > 0) {
      const out: { name: string; file: File }[] = []
      for (const entry of entries) await readEntry(entry, out)
      return filesFromBlobs(out)
    }
    return filesFromBlobs(Array.from(event.dataTransfer?.files ?? []).map((file) => ({ name: file.name, file })))
  }
  read().then(useDraft, failed)
})

// ---- start ------------------------------------------------------------------------------------------

const settingsReady = fetch('settings.json', { cache: 'no-store' })
  .then((res) => {
    if (res.status !== 200) throw new Error(`HTTP ${res.status}`)
    return res.text()
  })
  .then((text) => {
    settings = parseSettingsText(text)
    regionLine.textContent = `本机设置的地区编码为 ${settings.regionCode}。`
  })
  .catch((error: unknown) => {
    settingsError = error instanceof Error ? error.message : String(error)
    regionLine.textContent = `读不到本机的 settings.json：${settingsError}`
    regionLine.className = 'bad'
  })

const fromQuery = new URLSearchParams(location.search).get('draft')
if (fromQuery) {
  byId<HTMLInputElement>('url').value = fromQuery
  void settingsReady.then(() => filesFromUrl(fromQuery)).then(useDraft, failed)
} else {
  restartApp(false)
}
