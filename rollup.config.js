/**
 * Builds dist/: the modern bundle (ES2019 modules, esbuild) that desktop browsers and recent boxes load.
 * MOCKS=1 (npm start, the browser tests) adds msw's worker and the mocked feed; production builds
 * contain none of it. Why esbuild and not @rollup/plugin-typescript: TypeScript 7 has no JS API, and
 * type-checking is `tsc --noEmit` (npm run typecheck) anyway.
 *
 * Three outputs (an array):
 * - js/app.js: the modern app (unchanged by the other two);
 * - js/preview.js: the editors' preview page (static/preview.html), modern browsers only;
 * - js/app.legacy.js: core, SDK and app through Babel for Chrome 38 (old set-top boxes), core-js where
 *   used, terser `ecma: 5`, one IIFE loaded by index.html's `nomodule` script. LEGACY=0 skips it
 *   (quicker development builds). Never contains the mocks.
 */
import { readFileSync, mkdirSync, cpSync, existsSync } from 'node:fs'
import { babel } from '@rollup/plugin-babel'
import commonjs from '@rollup/plugin-commonjs'
import json from '@rollup/plugin-json'
import resolve from '@rollup/plugin-node-resolve'
import terser from '@rollup/plugin-terser'
import esbuild from 'rollup-plugin-esbuild'

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'))
const mocks = process.env.MOCKS === '1'
const legacy = process.env.LEGACY !== '0'
const outDir = process.env.OUT_DIR || 'dist'

/** Copies static/ (index.html, settings.json, images) and, for the mock build, msw's worker. */
function copyStatic() {
  return {
    name: 'copy-static',
    writeBundle() {
      mkdirSync(outDir, { recursive: true })
      cpSync('static', outDir, { recursive: true })
      if (mocks) cpSync('node_modules/msw/lib/mockServiceWorker.js', `${outDir}/mockServiceWorker.js`)
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
    esbuild({ target: 'es2019', minify: true, define, tsconfig: 'tsconfig.json' }),
    copyStatic(),
  ],
  onwarn,
}

/** The editors' preview page: a second modern entry, built on its own so app.js stays as it was. */
const preview = {
  input: 'src/preview/previewPage.ts',
  output: { file: `${outDir}/js/preview.js`, format: 'es', sourcemap: true, inlineDynamicImports: true },
  plugins: [
    resolve({ browser: true, extensions: ['.mjs', '.js', '.ts', '.json'] }),
    json(),
    commonjs(),
    esbuild({ target: 'es2019', minify: true, define, tsconfig: 'tsconfig.json' }),
  ],
  onwarn,
}

/**
 * The legacy bundle for Chrome 38-era set-top-box engines. esbuild only strips the types (and applies
 * the defines); Babel then lowers everything, node_modules included (core, SDK, valibot, idb-keyval),
 * except core-js itself, and adds core-js polyfills where they are used. `sourceType: 'module'`, not
 * 'unambiguous': the commonjs plugin has already turned CommonJS into modules by then.
 */
export function legacyConfig(dir = outDir) {
  return {
    input: 'src/index.ts',
    output: {
      file: `${dir}/js/app.legacy.js`,
      format: 'iife',
      name: 'GovAffairsTv',
      inlineDynamicImports: true,
      sourcemap: true,
      generatedCode: 'es5',
    },
    plugins: [
      resolve({ browser: true, extensions: ['.mjs', '.js', '.ts', '.json'] }),
      json(),
      commonjs(),
      esbuild({
        target: 'esnext',
        // Folds `if (!__MOCKS__) return` before Babel turns async functions into state machines that
        // rollup can no longer tree-shake (otherwise msw ends up in the bundle).
        minifySyntax: true,
        define: { ...define, __MOCKS__: 'false' },
        tsconfig: 'tsconfig.json',
      }),
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
              targets: { chrome: '38' },
              useBuiltIns: 'usage',
              corejs: '3.51',
              // The app's code is ES2019 TypeScript; nothing of it needs proposals.
              shippedProposals: false,
              bugfixes: true,
            },
          ],
        ],
      }),
      terser({ ecma: 5, safari10: false, compress: { passes: 2 }, format: { comments: false } }),
    ],
    onwarn,
  }
}

export default [modern, preview, ...(legacy ? [legacyConfig()] : [])]
