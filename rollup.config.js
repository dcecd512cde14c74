/**
 * Builds dist/: the modern bundle (ES2019 modules, esbuild) that desktop browsers and recent boxes load.
 * MOCKS=1 (npm start, the browser tests) adds msw's worker and the mocked feed; production builds
 * contain none of it. Why esbuild and not @rollup/plugin-typescript: TypeScript 7 has no JS API, and
 * type-checking is `tsc --noEmit` (npm run typecheck) anyway.
 */
import { readFileSync, mkdirSync, cpSync, existsSync } from 'node:fs'
import commonjs from '@rollup/plugin-commonjs'
import json from '@rollup/plugin-json'
import resolve from '@rollup/plugin-node-resolve'
import esbuild from 'rollup-plugin-esbuild'

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'))
const mocks = process.env.MOCKS === '1'
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

export default {
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
  onwarn(warning, warn) {
    // The SDK's own modules use `this` at top level and circular imports; harmless, and not ours to fix.
    if (warning.code === 'THIS_IS_UNDEFINED' || warning.code === 'CIRCULAR_DEPENDENCY') return
    warn(warning)
  },
}
