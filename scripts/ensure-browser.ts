/**
 * Makes sure a Chromium (and a CJK font, or Chinese renders as boxes) is on this machine for the browser
 * tests and the benchmark. `npm test` runs it before the e2e project.
 *
 *   CHROME_PATH, then /usr/bin/chromium, /usr/bin/chromium-browser, /usr/bin/google-chrome.
 *   None found on Debian/Ubuntu as root: apt-get install chromium fonts-noto-cjk (output streamed).
 *   The WebKit journey (tests/e2e/webkit.spec.ts) also needs Debian's webkit2gtk-driver (WebKitWebDriver
 *   and MiniBrowser) and xvfb: installed the same way when missing.
 *   None found elsewhere: one line saying how to get one, exit 1.
 *
 * `findChromium()` is the same lookup without installing anything, for the tests and the benchmark.
 */
import { spawnSync } from 'node:child_process'
import { accessSync, constants, existsSync, statSync } from 'node:fs'
import { pathToFileURL } from 'node:url'

export const CHROMIUM_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'] as const

const CJK_FONT_FILE = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc'
const INSTALL_HINT =
  'No Chromium found: install one (Debian/Ubuntu: sudo apt-get install chromium fonts-noto-cjk) or set CHROME_PATH to a Chromium/Chrome executable.'

function isExecutable(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false
    accessSync(path, constants.X_OK)
    return true
  } catch {
    return false
  }
}

/** The Chromium the tests should launch: CHROME_PATH when it is executable, else the first system one. */
/**
 * How every headless Chromium here is started (browser tests and benchmark): WebGL on SwiftShader
 * (no GPU), and none of the background connections this machine's closed network would refuse.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
]

export function findChromium(): string | undefined {
  const fromEnv = process.env.CHROME_PATH
  if (fromEnv && isExecutable(fromEnv)) return fromEnv
  return CHROMIUM_CANDIDATES.find(isExecutable)
}

/** True when some font covers Chinese (fontconfig's answer, or Debian's Noto CJK file when fc-list is absent). */
export function hasCjkFont(): boolean {
  const fc = spawnSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' })
  if (fc.status === 0) return fc.stdout.trim().length > 0
  return existsSync(CJK_FONT_FILE)
}

function isDebianRoot(): boolean {
  return existsSync('/etc/debian_version') && typeof process.getuid === 'function' && process.getuid() === 0
}

/** Runs a command with its output streamed to ours; throws when it fails. */
function run(command: string, args: string[]): void {
  console.log(`$ ${command} ${args.join(' ')}`)
  const result = spawnSync(command, args, {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  })
  if (result.error) throw result.error
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${result.status ?? result.signal}`)
}

function aptInstall(packages: string[]): void {
  run('apt-get', ['update'])
  run('apt-get', ['install', '-y', ...packages])
}

function versionOf(path: string): string {
  const result = spawnSync(path, ['--version'], { encoding: 'utf8', timeout: 15_000 })
  return result.status === 0 ? result.stdout.trim() : 'version unknown'
}

/** Finds or installs Chromium and the CJK font; returns the executable's path. Exits 1 when it cannot. */
export function ensureBrowser(): string {
  const fromEnv = process.env.CHROME_PATH
  if (fromEnv && !isExecutable(fromEnv)) {
    console.error(`CHROME_PATH=${fromEnv} is not an executable file: point it at a Chromium/Chrome binary or unset it.`)
    process.exit(1)
  }

  let chromium = findChromium()
  const missing: string[] = []
  if (!chromium) missing.push('chromium')
  if (!hasCjkFont()) missing.push('fonts-noto-cjk')
  if (!existsSync('/usr/bin/WebKitWebDriver')) missing.push('webkit2gtk-driver')
  if (!existsSync('/usr/bin/Xvfb')) missing.push('xvfb')

  if (missing.length > 0 && isDebianRoot()) {
    try {
      aptInstall(missing)
    } catch (error) {
      console.error(`Installing ${missing.join(' ')} failed (${error instanceof Error ? error.message : String(error)}).`)
      process.exit(1)
    }
    chromium = findChromium()
  }

  if (!chromium) {
    console.error(INSTALL_HINT)
    process.exit(1)
  }
  if (!hasCjkFont()) {
    // Not fatal: the tests read text from the inspector, but screenshots would show boxes for Chinese.
    console.warn('Warning: no Chinese font found; screenshots will show boxes. Install fonts-noto-cjk.')
  }
  console.log(`Chromium: ${chromium} (${versionOf(chromium)})`)
  return chromium
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href
if (invokedDirectly) ensureBrowser()
