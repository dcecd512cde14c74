/**
 * Line breaking and paging for long Chinese text, done here rather than by the renderer:
 * Lightning 2 does not break text without spaces, and paging needs to know line counts before
 * anything is drawn. Widths are estimated conservatively (full-width = 1 em) so a line never overflows.
 * No Lightning imports: unit-tested under Node.
 */
import type { Block } from '../feed/schema'

/** Characters that must not begin a line (禁则): closing punctuation moves up with the previous character. */
const NO_LINE_START = '，。、；：？！）」』》】〉”’…—,.;:?!)]}%'

function isWide(code: number): boolean {
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    code >= 0x20000
  )
}

/** Estimated advance of one character in em. */
export function charWidthEm(ch: string): number {
  const code = ch.codePointAt(0) ?? 0
  if (isWide(code)) return 1
  if (ch === ' ') return 0.33
  if (code >= 0x2000 && code <= 0x206f) return 1 // general punctuation such as “ ” … — render wide in CJK fonts
  return 0.62
}

export function textWidthEm(text: string): number {
  let w = 0
  for (const ch of Array.from(text)) w += charWidthEm(ch)
  return w
}

/** Breaks `text` into lines at most `maxEm` wide; newlines in the text are kept as breaks. */
export function wrapText(text: string, maxEm: number): string[] {
  const lines: string[] = []
  for (const paragraph of text.split('\n')) {
    const chars = Array.from(paragraph)
    let line: string[] = []
    let width = 0
    for (let i = 0; i < chars.length; i++) {
      const ch = chars[i] as string
      const w = charWidthEm(ch)
      if (width + w > maxEm && line.length > 0) {
        // Move a character down with the punctuation that may not start a line.
        if (NO_LINE_START.indexOf(ch) >= 0 && line.length > 1) {
          const carried = line.pop() as string
          lines.push(line.join(''))
          line = [carried]
          width = charWidthEm(carried)
        } else {
          lines.push(line.join(''))
          line = []
          width = 0
          if (ch === ' ') continue
        }
      }
      line.push(ch)
      width += w
    }
    lines.push(line.join(''))
  }
  return lines
}

export type LineStyle = 'heading' | 'body'

export type PageItem =
  | { kind: 'text'; style: LineStyle; text: string; y: number; h: number }
  | { kind: 'image'; src: string; alt: string; y: number; h: number }

export interface Page {
  items: PageItem[]
}

export interface PageMetrics {
  width: number
  height: number
  bodySize: number
  headingSize: number
  lineHeightRatio: number
  imageHeight: number
  /** Space after each block. */
  gap: number
}

interface Line {
  style: LineStyle
  text: string
  /** Blocks start with a gap; lines inside a block do not. */
  firstOfBlock: boolean
}

function blockLines(block: Block, m: PageMetrics): Line[] {
  const wrap = (text: string, style: LineStyle): Line[] => {
    const size = style === 'heading' ? m.headingSize : m.bodySize
    return wrapText(text, m.width / size).map((line, i) => ({ style, text: line, firstOfBlock: i === 0 }))
  }
  switch (block.type) {
    case 'heading':
      return wrap(block.text, 'heading')
    case 'paragraph':
      // Two full-width spaces indent a paragraph, as printed notices do.
      return wrap(`\u3000\u3000${block.text}`, 'body')
    case 'list':
      return block.items.flatMap((item, i) =>
        wrap(`${block.ordered ? `${i + 1}. ` : '• '}${item}`, 'body').map((l, j) => ({
          ...l,
          firstOfBlock: i === 0 && j === 0,
        })),
      )
    case 'image':
      return []
  }
}

/**
 * Lays blocks out into pages of `height`: consecutive lines of one style are merged into one text
 * item (one texture), images get a fixed-height slot that is filled lazily.
 */
export function paginate(blocks: readonly Block[], m: PageMetrics): Page[] {
  const pages: Page[] = [{ items: [] }]
  let y = 0
  const page = (): Page => pages[pages.length - 1] as Page
  const newPage = (): void => {
    pages.push({ items: [] })
    y = 0
  }
  const place = (h: number, gapBefore: number): number => {
    const top = y === 0 ? 0 : y + gapBefore
    if (top + h > m.height && y > 0) {
      newPage()
      return 0
    }
    return top
  }
  for (const block of blocks) {
    if (block.type === 'image') {
      const top = place(m.imageHeight, m.gap)
      page().items.push({ kind: 'image', src: block.src, alt: block.alt, y: top, h: m.imageHeight })
      y = top + m.imageHeight
      continue
    }
    for (const line of blockLines(block, m)) {
      const size = line.style === 'heading' ? m.headingSize : m.bodySize
      const h = Math.round(size * m.lineHeightRatio)
      const top = place(h, line.firstOfBlock ? m.gap : 0)
      const items = page().items
      const last = items[items.length - 1]
      if (!line.firstOfBlock && last && last.kind === 'text' && last.style === line.style && last.y + last.h === top) {
        last.text += `\n${line.text}`
        last.h += h
      } else {
        items.push({ kind: 'text', style: line.style, text: line.text, y: top, h })
      }
      y = top + h
    }
  }
  return pages.filter((p, i) => p.items.length > 0 || i === 0)
}

/**
 * Joins labelled parts ("发布机构：…", "索引号：…") into lines without splitting a part across
 * lines unless it is wider than a line by itself.
 */
export function joinParts(parts: readonly string[], maxEm: number, separator = '\u3000'): string[] {
  const lines: string[] = []
  let line = ''
  for (const part of parts) {
    const candidate = line ? line + separator + part : part
    if (!line || textWidthEm(candidate) <= maxEm) {
      line = candidate
      continue
    }
    lines.push(line)
    line = part
  }
  if (line) lines.push(line)
  return lines.flatMap((l) => wrapText(l, maxEm))
}

/** At most `maxLines` lines of `maxEm`, the last one ending in … when text was cut. */
export function fitLines(text: string, maxEm: number, maxLines: number): string[] {
  const lines = wrapText(text, maxEm)
  if (lines.length <= maxLines) return lines
  const kept = lines.slice(0, maxLines)
  let last = Array.from(kept[maxLines - 1] as string)
  while (last.length > 0 && textWidthEm(last.join('') + '…') > maxEm) last = last.slice(0, -1)
  kept[maxLines - 1] = `${last.join('')}…`
  return kept
}
