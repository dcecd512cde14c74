/**
 * Builds dist/: the modern bundle (ES2019 modules, esbuild) that desktop browsers and recent boxes load.
 * MOCKS=1 (npm start, the browser tests) adds msw's worker and the mocked feed; production builds
 * contain none of it. Why esbuild and not @rollup/plugin-typescript: TypeScript 7 has no JS API, and
 * type-checking is `tsc --noEmit` (npm run typecheck) anyway.
 *
 * Three outputs (an array):
 * - js/app.js: the modern app (unchanged by the other two);
 * - js/preview.js: the editors' preview page (static/preview.html), modern browsers only;
 * - js/app.legacy.js: core, SDK and app through Babel for Chromium 30 (Android 4.4 WebViews), core-js where
 *   used and src/platform/legacyPolyfills.ts before everything, terser `ecma: 5`, one IIFE loaded by index.html's `nomodule` script. LEGACY=0 skips it
 *   (quicker development builds). Never contains the mocks.
 */
import { readFileSync, mkdirSync, cpSync, existsSync } from 'node:fs'
import { babel } from '@rollup/plugin-babel'
import commonjs from '@rollup/plugin-commonjs'
import json from '@rollup/plugin-json'
import resolve from '@rollup/plugin-node-resolve'
import terser from '@rollup/plugin-terser'
import { transform as esbuildTransform } from 'esbuild'
import MagicString from 'magic-string'
import esbuild from 'rollup-plugin-esbuild'

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'))
const mocks = process.env.MOCKS === '1'
const legacy = process.env.LEGACY !== '0'
const outDir = process.env.OUT_DIR || 'dist'

/** Copies static/ (index.html, settings.json, images) and, for the mock build, msw's worker and mock media. */
function copyStatic() {
  return {
    name: 'copy-static',
    writeBundle() {
      mkdirSync(outDir, { recursive: true })
      cpSync('static', outDir, { recursive: true })
      if (mocks) cpSync('node_modules/msw/lib/mockServiceWorker.js', `${outDir}/mockServiceWorker.js`)
      // The mock media host's files (the test clip, subtitles): mocks/browser.ts reads them from here.
      if (mocks) cpSync('mocks/media', `${outDir}/mock-media`, { recursive: true })
      const operatorSettings = process.env.SETTINGS_FILE
      if (operatorSettings && existsSync(operatorSettings)) cpSync(operatorSettings, `${outDir}/settings.json`)
    },
  }
}

export const define = {
  __MOCKS__: JSON.stringify(mocks),
  __VERSION__: JSON.stringify(pkg.version),
  'process.env.NODE_ENV': JSON.stringify('production'),
}

function onwarn(warning, warn) {
  // The SDK's own modules use `this` at top level and circular imports; harmless, and not ours to fix.
  if (warning.code === 'THIS_IS_UNDEFINED' || warning.code === 'CIRCULAR_DEPENDENCY') return
  warn(warning)
}

/**
 * Escapes every non-ASCII character of the finished chunk as \uXXXX. A browser holds a script's source as
 * one byte per character only when all of it is ASCII; one character over 127 makes the whole text two bytes
 * per character (js/app.js: 1331 kB instead of 666 kB of the box's memory, measured in a heap snapshot).
 * esbuild already escapes strings; this catches what it leaves, the regular expressions (ours in
 * src/feed/phone.ts and mask.ts, Lightning's in its text layout). A \uXXXX per UTF-16 unit means the same
 * character in a string, a template, an identifier and a regular expression, with or without the u flag;
 * a character already behind a backslash (an identity escape, `\（`) loses that backslash.
 */
export function asciiOnly() {
  return {
    name: 'ascii-only',
    renderChunk(code) {
      if (!/[^\x00-\x7f]/.test(code)) return null
      const s = new MagicString(code)
      for (let i = 0; i < code.length; i++) {
        const unit = code.charCodeAt(i)
        if (unit <= 0x7f) continue
        let slashes = 0
        while (code.charCodeAt(i - 1 - slashes) === 0x5c) slashes++
        const from = slashes % 2 === 1 ? i - 1 : i
        s.overwrite(from, i + 1, `\\u${unit.toString(16).toUpperCase().padStart(4, '0')}`)
      }
      return { code: s.toString(), map: s.generateMap({ hires: true }) }
    },
  }
}

const modern = {
  input: 'src/index.ts',
  output: {
    dir: `${outDir}/js`,
    format: 'es',
    entryFileNames: 'app.js',
    chunkFileNames: '[name]-[hash].js',
    sourcemap: true,
  },
  plugins: [
    resolve({ browser: true, extensions: ['.mjs', '.js', '.ts', '.json'] }),
    json(),
    commonjs(),
    // keepNames: Lightning finds a state by its class name (the Router's Loading and Widgets states).
    esbuild({ target: 'es2019', minify: true, keepNames: true, define, tsconfig: 'tsconfig.json' }),
    asciiOnly(),
    copyStatic(),
  ],
  onwarn,
}

/** The editors' preview page: a second modern entry, built on its own so app.js stays as it was. */
const preview = {
  input: 'src/editor/previewPage.ts',
  output: { file: `${outDir}/js/preview.js`, format: 'es', sourcemap: true, inlineDynamicImports: true },
  plugins: [
    resolve({ browser: true, extensions: ['.mjs', '.js', '.ts', '.json'] }),
    json(),
    commonjs(),
    esbuild({ target: 'es2019', minify: true, keepNames: true, define, tsconfig: 'tsconfig.json' }),
    asciiOnly(),
  ],
  onwarn,
}

/**
 * `useBuiltIns: 'usage'` adds a polyfill for every method name it sees on a receiver of unknown type
 * (`x.map(` brings iterator helpers, `new Set` all the ES2025 set methods). These are ES2022+ additions
 * that neither the app (ES2019 lib) nor core, SDK, valibot or idb-keyval call; they are replaced by an
 * empty module, which saves tens of kilobytes on boxes with little memory.
 */
const UNUSED_POLYFILL =
  /core-js\/modules\/(?:es|esnext)\.(?:iterator\.|(?:weak-)?map\.get-or-insert|set\.(?:difference|intersection|is-disjoint-from|is-subset-of|is-superset-of|symmetric-difference|union)|uint8-array\.|array-buffer\.(?:detached|transfer)|typed-array\.(?:at|find-last|find-last-index|to-reversed|to-sorted|with)\.js)/

function dropUnusedPolyfills() {
  const EMPTY = '\0unused-polyfill'
  return {
    name: 'drop-unused-polyfills',
    resolveId(source) {
      return UNUSED_POLYFILL.test(source) ? EMPTY : null
    },
    load(id) {
      return id === EMPTY ? 'export {}' : null
    },
  }
}

/**
 * Strips TypeScript and applies the defines, nothing else, for the legacy build. Not rollup-plugin-esbuild:
 * any of its minify options also minifies the finished chunk for `esnext`, which would undo Babel's work
 * (`catch {}` without a binding). minifySyntax folds `if (!__MOCKS__) return` here, before Babel turns
 * async functions into state machines that rollup can no longer tree-shake (msw would stay in).
 */
function stripTypes(defines) {
  const { compilerOptions } = JSON.parse(readFileSync(new URL('./tsconfig.json', import.meta.url), 'utf8'))
  return {
    name: 'strip-types',
    async transform(code, id) {
      if (!id.endsWith('.ts') || id.includes('/node_modules/') || id.startsWith('\0')) return null
      const result = await esbuildTransform(code, {
        loader: 'ts',
        format: 'esm',
        target: 'esnext',
        minifySyntax: true,
        define: defines,
        sourcemap: true,
        sourcefile: id,
        tsconfigRaw: { compilerOptions },
      })
      return { code: result.code, map: result.map }
    },
  }
}

/**
 * The legacy bundle for Chromium-30-era set-top-box engines. esbuild only strips the types (and applies
 * the defines); Babel then lowers everything, node_modules included (core, SDK, valibot, idb-keyval),
 * except core-js itself, and adds core-js polyfills where they are used. `sourceType: 'module'`, not
 * 'unambiguous': the commonjs plugin has already turned CommonJS into modules by then.
 * `dir` is the output folder (the bundle goes to `{dir}/js/app.legacy.js`).
 */
export function legacyConfig(dir = outDir, { compress = true } = {}) {
  return {
    input: 'src/legacy.ts',
    output: {
      file: `${dir}/js/app.legacy.js`,
      format: 'iife',
      name: 'GovAffairsTv',
      inlineDynamicImports: true,
      sourcemap: true,
      generatedCode: 'es5',
    },
    plugins: [
      dropUnusedPolyfills(),
      resolve({ browser: true, extensions: ['.mjs', '.js', '.ts', '.json'] }),
      json(),
      commonjs(),
      stripTypes({ ...define, __MOCKS__: 'false' }),
      babel({
        babelHelpers: 'bundled',
        babelrc: false,
        configFile: false,
        extensions: ['.js', '.mjs', '.cjs', '.ts'],
        exclude: [/[\\/]node_modules[\\/]core-js[\\/]/],
        sourceType: 'module',
        compact: false,
        presets: [
          [
            '@babel/preset-env',
            {
              // Android 4.4's system WebView is Chromium 30 and is never updated on retail boxes.
              targets: { chrome: '30', android: '4.4' },
              useBuiltIns: 'usage',
              corejs: '3.51',
              // The app's code is ES2019 TypeScript; nothing of it needs proposals.
              shippedProposals: false,
              bugfixes: true,
            },
          ],
        ],
      }),
      // Lightning finds a state by its class name (`class Loading extends this`): names must survive
      // minification. After Babel those classes are functions, so capitalised function names are kept too;
      // keeping every name would cost about 100 kB. compress: false (tests only) is several times quicker
      // for about 2% more gzip; the output is ES5 either way.
      terser({
        ecma: 5,
        safari10: false,
        keep_classnames: /^[A-Z]/,
        keep_fnames: /^[A-Z]/,
        compress: compress ? {} : false,
        // ASCII only, as asciiOnly() does for the modern bundle: the source is held at one byte per character.
        format: { comments: false, ascii_only: true },
      }),
    ],
    onwarn,
  }
}

export default [modern, preview, ...(legacy ? [legacyConfig()] : [])]
