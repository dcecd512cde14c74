/**
 * Icons drawn beside every label (many older viewers read little). Hand-drawn SVG, inlined as data URIs
 * so they work offline and cost no request. Simple shapes, thick strokes: legible at 3 metres.
 */
import { Lightning } from '@lightningjs/sdk'

export type IconName = 'notice' | 'guide' | 'progress' | 'hotline' | 'about' | 'alert' | 'back' | 'pin' | 'offline' | 'qr' | 'page' | 'collection' | 'video' | 'poll' | 'faq' | 'assist'

const STROKE = 'fill="none" stroke="#ffffff" stroke-width="6" stroke-linecap="round" stroke-linejoin="round"'

const PATHS: Record<IconName, string> = {
  // A megaphone: announcements.
  notice: `<path ${STROKE} d="M14 40 L14 60 L30 60 L62 78 L62 22 L30 40 Z"/><path ${STROKE} d="M30 60 L36 84 L46 84 L42 62"/><path ${STROKE} d="M74 36 Q84 50 74 64"/>`,
  // An open book: guides.
  guide: `<path ${STROKE} d="M50 26 Q34 16 12 20 L12 78 Q34 74 50 84 Q66 74 88 78 L88 20 Q66 16 50 26 Z"/><path ${STROKE} d="M50 26 L50 84"/>`,
  // A clipboard with a tick: progress.
  progress: `<rect ${STROKE} x="20" y="16" width="60" height="72" rx="6"/><path ${STROKE} d="M36 16 L36 10 L64 10 L64 16"/><path ${STROKE} d="M34 54 L46 66 L68 40"/>`,
  // A handset: hotlines.
  hotline: `<path ${STROKE} d="M26 14 L40 14 L46 32 L36 40 Q44 58 60 66 L68 56 L86 62 L86 76 Q86 86 74 86 Q26 80 14 28 Q14 14 26 14 Z"/>`,
  // An "i" in a circle: about this box.
  about: `<circle ${STROKE} cx="50" cy="50" r="38"/><path ${STROKE} d="M50 44 L50 72"/><circle cx="50" cy="30" r="5" fill="#ffffff"/>`,
  // A warning triangle: alerts.
  alert: `<path ${STROKE} d="M50 12 L90 84 L10 84 Z"/><path ${STROKE} d="M50 38 L50 60"/><circle cx="50" cy="72" r="5" fill="#ffffff"/>`,
  back: `<path ${STROKE} d="M60 18 L28 50 L60 82"/>`,
  pin: `<path ${STROKE} d="M50 88 L50 60"/><path ${STROKE} d="M30 60 L70 60 L62 44 L62 18 L38 18 L38 44 Z"/>`,
  offline: `<path ${STROKE} d="M14 40 Q50 10 86 40"/><path ${STROKE} d="M28 56 Q50 38 72 56"/><circle cx="50" cy="74" r="6" fill="#ffffff"/><path ${STROKE} d="M16 16 L84 84"/>`,
  // A page with a corner folded and three lines: a numbered page of the leaflet.
  page: `<path ${STROKE} d="M22 10 L62 10 L80 28 L80 90 L22 90 Z"/><path ${STROKE} d="M62 10 L62 28 L80 28"/><path ${STROKE} d="M34 46 L68 46 M34 60 L68 60 M34 74 L56 74"/>`,
  // A folder: a hand-picked collection such as 本月政策.
  collection: `<path ${STROKE} d="M10 24 L40 24 L48 34 L90 34 L90 82 L10 82 Z"/><path ${STROKE} d="M10 44 L90 44"/>`,
  // A play triangle in a TV screen on its stand: videos.
  video: `<rect ${STROKE} x="10" y="16" width="80" height="58" rx="4"/><path d="M40 31 L64 45 L40 59 Z" fill="#ffffff"/><path ${STROKE} d="M34 86 L66 86"/>`,
  // A ballot box with a ticked paper going in: a poll (问卷调查).
  poll: `<path ${STROKE} d="M36 48 L14 48 L14 86 L86 86 L86 48 L64 48"/><path ${STROKE} d="M38 58 L38 12 L62 12 L62 58"/><path ${STROKE} d="M44 32 L49 38 L57 26"/>`,
  // A person inside a house: staff who come to the home (上门办) or handle it for you (帮代办).
  assist: `<path ${STROKE} d="M12 48 L50 14 L88 48"/><path ${STROKE} d="M22 40 L22 86 L78 86 L78 40"/><circle ${STROKE} cx="50" cy="52" r="9"/><path ${STROKE} d="M34 86 Q34 68 50 68 Q66 68 66 86"/>`,
  qr: `<rect ${STROKE} x="14" y="14" width="28" height="28"/><rect ${STROKE} x="58" y="14" width="28" height="28"/><rect ${STROKE} x="14" y="58" width="28" height="28"/><path ${STROKE} d="M58 58 L86 86 M86 58 L86 70"/>`,
  // A speech bubble with a question mark: 常见问题.
  faq: `<path ${STROKE} d="M20 16 L80 16 Q88 16 88 24 L88 62 Q88 70 80 70 L46 70 L28 86 L30 70 L20 70 Q12 70 12 62 L12 24 Q12 16 20 16 Z"/><path ${STROKE} d="M39 34 Q39 25 50 25 Q61 25 61 34 Q61 41 50 45 L50 50"/><circle cx="50" cy="60" r="5" fill="#ffffff"/>`,
}

/** A data URI for the icon in white; tint it with the element's `color`. */
export function iconSrc(name: IconName): string {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100" viewBox="0 0 100 100">${PATHS[name]}</svg>`
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`
}

/**
 * The texture for an icon. `hasAlpha` must be set: Lightning treats any image that is not a PNG
 * as opaque, and the transparent parts of an SVG would turn black.
 */
export function iconTexture(name: IconName): { type: typeof Lightning.textures.ImageTexture; src: string; hasAlpha: boolean } {
  return { type: Lightning.textures.ImageTexture, src: iconSrc(name), hasAlpha: true }
}
