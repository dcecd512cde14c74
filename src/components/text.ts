/**
 * Text textures for Chinese: lines are broken by our own layout (Lightning 2 does not break text
 * without spaces), so the renderer only draws what it is given.
 */
import { fitLines } from '../layout/textLayout'
import { fontStack } from '../theme/fonts'
import { palette, type } from '../theme/tokens'
import { lineHeightOf, scaledSize } from '../theme/scale'

export interface TextOptions {
  size?: number
  color?: number
  /** Width in px on the 1080p design; text is wrapped to it. */
  width?: number
  maxLines?: number
  bold?: boolean
  align?: 'left' | 'center' | 'right'
}

export interface TextTexturePatch {
  text: string
  fontSize: number
  textColor: number
  lineHeight: number
  fontStyle: string
  wordWrap: boolean
  textAlign: 'left' | 'center' | 'right'
  wordWrapWidth?: number
  fontFace: string[]
}

/** The `text` property of an element: wrapped, truncated with …, scaled for large-text mode. */
export function textPatch(content: string, options: TextOptions = {}): TextTexturePatch {
  const size = scaledSize(options.size ?? type.body)
  const lines =
    options.width !== undefined ? fitLines(content, options.width / size, options.maxLines ?? 1) : [content]
  return {
    text: lines.join('\n'),
    fontSize: size,
    textColor: options.color ?? palette.text,
    lineHeight: lineHeightOf(options.size ?? type.body),
    fontStyle: options.bold ? 'bold' : 'normal',
    wordWrap: false,
    textAlign: options.align ?? 'left',
    fontFace: fontStack(),
    ...(options.width !== undefined && options.align && options.align !== 'left' ? { wordWrapWidth: options.width } : {}),
  }
}
