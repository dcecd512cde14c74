/**
 * Feed texts are drawn as plain text: the cleaner removes markup and the characters that would turn or hide
 * text on screen, in one pass whose work grows with the length of the input and never faster.
 */
import { describe, expect, it } from 'vitest'
import { parseIndex, parseNoticeDetail } from '../../src/feed/document'
import { CLEANER_LOOKS_PER_CHAR, LIMITS, toPlainText, type CleanerMeter } from '../../src/feed/schema'

const T = '2026-11-20T09:00:00+08:00'
const notice = (title: unknown) => ({ id: 'n1', title, category: '通知公告', publisher: '临武县人民政府办公室', publishedAt: T })
const index = (notices: unknown[]) => ({ schemaVersion: 1, generatedAt: T, region: { code: '431025', name: '临武县' }, notices })

/** The cleaner's steps for one input: every character it looks at counts one. */
function stepsFor(raw: string): number {
  const meter: CleanerMeter = { steps: 0 }
  toPlainText(raw, meter)
  return meter.steps
}

// Inputs that made the regex cleaner quadratic: a construct opened again and again and never closed.
const HOSTILE: [string, (n: number) => string][] = [
  ['"<!--" repeated', (n) => '<!--'.repeat(n)],
  ['"<style " repeated', (n) => '<style '.repeat(n)],
  ['"<script" repeated', (n) => '<script'.repeat(n)],
  ['"<script>a" repeated', (n) => '<script>a'.repeat(n)],
  ['"<style>" repeated', (n) => '<style>'.repeat(n)],
  ['"</script" repeated after an opening tag', (n) => `<script>${'</script '.repeat(n)}`],
  ['"<b " repeated', (n) => '<b '.repeat(n)],
  ['one long paragraph with tags', (n) => '关于开展冬季森林防火工作的通知<b>，</b>'.repeat(n)],
]

describe('toPlainText works in one pass', () => {
  it.each(HOSTILE)('looks at each character of %s a bounded number of times', (_name, make) => {
    for (const n of [1000, 8000, 32000]) {
      const raw = make(n)
      const steps = stepsFor(raw)
      // Every character is looked at, and by at most CLEANER_LOOKS_PER_CHAR scans: linear by construction.
      expect(steps).toBeGreaterThanOrEqual(raw.length)
      expect(steps).toBeLessThanOrEqual(CLEANER_LOOKS_PER_CHAR * raw.length)
    }
  })

  it('keeps unclosed comments and script tags as text, as before, and removes closed ones', () => {
    expect(toPlainText('<!--'.repeat(3))).toBe('<!--<!--<!--')
    expect(toPlainText('<style '.repeat(3))).toBe('<style <style <style')
    expect(toPlainText('<script>a'.repeat(3))).toBe('aaa')
    expect(toPlainText(`<script>${'</script '.repeat(3)}`)).toBe('</script </script </script')
    expect(toPlainText('甲<!-- a -->乙<!-- b -->丙')).toBe('甲乙丙')
    expect(toPlainText('甲<script>x<b>y</b></script>乙<STYLE type="t">p{}</style >丙')).toBe('甲乙丙')
    expect(toPlainText('<scripts>甲</scripts>')).toBe('甲')
    expect(toPlainText('<script-x>甲</script-x>')).toBe('甲')
    expect(toPlainText('<script <b>x</script>甲')).toBe('甲')
  })

  it('gives the same text as before for ordinary CMS output', () => {
    expect(toPlainText('<p><b>【重要】</b>关于开展冬季森林防火工作的通知<span style="color:red">（更新）</span></p>')).toBe(
      '【重要】关于开展冬季森林防火工作的通知（更新）',
    )
    expect(toPlainText('月收入<5000元的家庭可申请')).toBe('月收入<5000元的家庭可申请')
    expect(toPlainText('a < b 且 c > d')).toBe('a < b 且 c > d')
    expect(toPlainText('<a<b>c')).toBe('<ac')
    expect(toPlainText('&amp;lt;&#20013;&#x6587;&bogus;')).toBe('&lt;中文&bogus;')
    expect(toPlainText('第一行\n<br/>第二行\t')).toBe('第一行\n第二行')
  })

  it('cleans the pathological inputs of the review to the right text', () => {
    expect(toPlainText('<!--'.repeat(32000))).toBe('<!--'.repeat(32000))
    expect(toPlainText('<style '.repeat(16000))).toBe('<style '.repeat(16000).trim())
    expect(toPlainText(`甲${'<b>乙</b>'.repeat(20000)}`)).toBe(`甲${'乙'.repeat(20000)}`)
  })
})

describe('characters that turn or hide text are removed', () => {
  it.each([
    ['right-to-left override U+202E', '\u202E'],
    ['left-to-right embedding U+202A', '\u202A'],
    ['pop directional formatting U+202C', '\u202C'],
    ['right-to-left isolate U+2067', '\u2067'],
    ['pop directional isolate U+2069', '\u2069'],
    ['right-to-left mark U+200F', '\u200F'],
    ['zero-width space U+200B', '\u200B'],
    ['zero-width joiner U+200D', '\u200D'],
    ['word joiner U+2060', '\u2060'],
    ['byte-order mark U+FEFF', '\uFEFF'],
    ['next line U+0085 (C1)', '\u0085'],
    ['C1 control U+009B', '\u009B'],
    ['DEL U+007F', '\u007F'],
  ])('removes %s from a title', (_name, char) => {
    expect(toPlainText(`临武${char}县${char}通知`)).toBe('临武县通知')
  })

  it('removes them when written as numeric entities too', () => {
    expect(toPlainText('&#8238;知通&#x202E;县&#133;')).toBe('知通县')
    expect(toPlainText('临武&#x200B;县&#65279;')).toBe('临武县')
  })

  it('keeps line breaks and tabs inside a text', () => {
    expect(toPlainText('第一行\n第二行\t续')).toBe('第一行\n第二行\t续')
  })

  it('drops a notice whose title is nothing but such characters, naming the title', () => {
    const parsed = parseIndex(index([notice('\u202E\u200B&#8238;\u0085'), { ...notice('正常标题'), id: 'n2' }]))
    expect(parsed.ok && parsed.value.notices.map((n) => n.id)).toEqual(['n2'])
    expect(parsed.problems).toEqual([expect.objectContaining({ path: '$.notices[0].title', kind: 'min_length', dropped: true })])
  })

  it('rejects a notice document whose title is empty once they are removed', () => {
    const parsed = parseNoticeDetail({ schemaVersion: 1, ...notice('\u202A\u2066\uFEFF') })
    expect(parsed.ok).toBe(false)
    expect(parsed.problems).toEqual([expect.objectContaining({ path: '$.title', kind: 'min_length', dropped: false })])
  })

  it('keeps a title that reads the same once they are removed', () => {
    const parsed = parseIndex(index([notice('\u202E关于开展冬季森林防火工作的通知\u202C')]))
    expect(parsed.ok && parsed.value.notices[0]?.title).toBe('关于开展冬季森林防火工作的通知')
  })
})

describe('a raw length cap comes before cleaning', () => {
  it(`refuses a text longer than LIMITS.rawText (${LIMITS.rawText}) before cleaning it`, () => {
    const raw = `<b>${'关'.repeat(10)}</b>`.repeat(Math.ceil(LIMITS.rawText / 17) + 1)
    const parsed = parseIndex(index([notice(raw)]))
    expect(parsed.problems).toEqual([
      { path: '$.notices[0].title', kind: 'max_length', expected: `<=${LIMITS.rawText}`, received: String(raw.length), dropped: true },
    ])
  })

  it('keeps a text with markup that is within the cap and short enough once cleaned', () => {
    const parsed = parseIndex(index([notice(`<span class="t">${'通'.repeat(200)}</span>`)]))
    expect(parsed.problems).toEqual([])
  })
})
