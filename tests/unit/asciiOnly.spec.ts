/**
 * rollup.config.js's asciiOnly(): the modern bundle is ASCII only, so a browser holds its source at one
 * byte per character (one character over 127 makes it two), and every escape means what the character did.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { SourceMapConsumer, type RawSourceMap } from 'source-map-js'

interface RenderChunkPlugin {
  renderChunk(code: string): { code: string; map: RawSourceMap } | null
}

let plugin: RenderChunkPlugin
beforeAll(async () => {
  // The config is plain JavaScript with no types, imported as legacyBundle.spec.ts does.
  const config = (await import(new URL('../../rollup.config.js', import.meta.url).href)) as { asciiOnly(): RenderChunkPlugin }
  plugin = config.asciiOnly()
})

function render(code: string): { code: string; map: RawSourceMap } | null {
  return plugin.renderChunk(code)
}

/** Runs a chunk's body (no exports) and returns what it assigns to `out`. */
function run(code: string): Record<string, unknown> {
  return new Function(`const out = {}; ${code}; return out`)() as Record<string, unknown>
}

describe('asciiOnly', () => {
  const chunk = [
    'out.bracket = /^[(（]?0\\d{2,3}[)）]?$/.test("（0735）")',
    'out.quotes = /^[“”«»]+$/u.test("“”«»")',
    'out.fullwidth = "０９".replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))',
    'out.template = `通知${1}`',
    'out.identity = /\\（/.test("（")',
    'out.astral = /😀/u.test("😀") && "😀".length',
    'const 名 = "办事指南"; out.name = 名',
  ].join(';\n')

  it('leaves nothing over 127 and changes no meaning: strings, templates, names, regular expressions, identity escapes, astral characters', () => {
    const result = render(chunk)
    expect(result).not.toBeNull()
    expect(result!.code).toMatch(/^[\x00-\x7f]*$/)
    expect(run(result!.code)).toEqual(run(chunk))
    expect(run(chunk)).toEqual({ bracket: true, quotes: true, fullwidth: '09', template: '通知1', identity: true, astral: 2, name: '办事指南' })
  })

  it('returns nothing to change for code that is ASCII already', () => {
    expect(render('out.a = "\\u901a"')).toBeNull()
  })

  it('keeps the source map: code after an escape maps back to where it was', () => {
    const code = 'var r=/[“”]/;var MARK=1'
    const result = render(code)!
    const map = new SourceMapConsumer({ ...result.map, sources: ['chunk.js'] })
    const at = map.originalPositionFor({ line: 1, column: result.code.indexOf('MARK') })
    expect(at.line).toBe(1)
    expect(at.column).toBe(code.indexOf('MARK'))
  })
})
