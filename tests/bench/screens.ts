/**
 * The app's focusable screens the benchmark presses keys on, and how to get there: a deep link, keys that
 * bring focus to the part measured, then a cycle of keys repeated for as many presses as asked. Each cycle
 * ends where it began, so focus never runs into an edge where a key does nothing (such presses, if any,
 * are left out of the figures and counted). The floor's screen is its 20 rows with Down (wrapping).
 *
 * Which feed: the notices list and its chips on the generated 10 000-notice region (the heaviest list a
 * county could send); the other screens on the fixture county 431025 (22 guides, 5 hotlines, long notices),
 * because the generated region has no guides and one hotline.
 */
import { HOME_TILES } from '../../src/layout/homeTiles'
import type { RemoteKey } from './browser'

export type ScreenId = 'home' | 'notices' | 'chips' | 'guides' | 'keypad' | 'about' | 'hotlines' | 'detail' | 'videos' | 'faq'

export interface ScreenSpec {
  id: ScreenId
  /** In the table, e.g. "notices list (10 000)". */
  label: string
  feed: 'large' | 'fixture'
  /** Deep link. */
  hash: string
  /** Keys before measuring, each followed by a settled screen. */
  setup: RemoteKey[]
  /**
   * A User Timing mark the screen sets once what is measured is drawn, awaited before the setup keys: for
   * a screen whose list arrives after first content (常见问题's shard).
   */
  waitForMark?: string
  cycle: RemoteKey[]
}

const times = (key: RemoteKey, n: number): RemoteKey[] => Array.from({ length: n }, () => key)

export const SCREENS: readonly ScreenSpec[] = [
  {
    id: 'home',
    label: 'Home tiles',
    feed: 'fixture',
    hash: '#home',
    setup: [],
    // Every tile: across and back.
    cycle: [...times('ArrowRight', HOME_TILES.length - 1), ...times('ArrowLeft', HOME_TILES.length - 1)],
  },
  { id: 'notices', label: 'notices list (10 000)', feed: 'large', hash: '#notices', setup: [], cycle: ['ArrowDown'] },
  {
    id: 'chips',
    label: 'category chips (10 000 notices)',
    feed: 'large',
    hash: '#notices',
    // Up from the first row goes to the chips; the generated region has 5 categories + 全部. Each chip
    // chosen filters the list again, as a viewer's press does.
    setup: ['ArrowUp'],
    cycle: [...times('ArrowRight', 5), ...times('ArrowLeft', 5)],
  },
  {
    id: 'guides',
    label: 'guides list',
    feed: 'fixture',
    hash: '#guides',
    setup: [],
    cycle: [...times('ArrowDown', 8), ...times('ArrowUp', 8)],
  },
  {
    id: 'keypad',
    label: 'progress keypad',
    feed: 'fixture',
    hash: '#progress',
    setup: [],
    // Round the 4×3 keypad from its top-left key: every move changes the focused key.
    cycle: ['ArrowRight', 'ArrowRight', 'ArrowDown', 'ArrowDown', 'ArrowDown', 'ArrowLeft', 'ArrowLeft', 'ArrowUp', 'ArrowUp', 'ArrowUp'],
  },
  { id: 'about', label: 'About switches', feed: 'fixture', hash: '#about', setup: [], cycle: ['ArrowDown', 'ArrowUp'] },
  {
    id: 'hotlines',
    label: 'hotlines',
    feed: 'fixture',
    hash: '#hotlines',
    setup: [],
    cycle: [...times('ArrowDown', 4), ...times('ArrowUp', 4)],
  },
  { id: 'videos', label: 'videos list', feed: 'fixture', hash: '#videos', setup: [], cycle: [...times('ArrowDown', 3), ...times('ArrowUp', 3)] },
  {
    id: 'detail',
    label: 'notice detail paging',
    feed: 'fixture',
    // The fixture county's longest notice: more than one page at the design's type sizes.
    hash: '#notices/lw-n001',
    setup: [],
    cycle: ['PageDown', 'PageUp'],
  },
  {
    id: 'faq',
    label: '常见问题 digit search (30 000 questions)',
    // The generated region's 全部: the search shard of 30 000 questions (scripts/serve.ts, mocks/largeFaq.ts).
    feed: 'large',
    hash: '#faq',
    waitForMark: 'app:faq-list',
    setup: [],
    // 医保 (YB) typed and deleted again (Backspace is Back, which deletes a typed digit first).
    cycle: ['9', '2', 'Backspace', 'Backspace'],
  },
]

/** The floor for keys: its rows (`?rows=`), and Down through them (wrapping at the last). */
export const FLOOR_ROWS = 20
export const FLOOR_CYCLE: readonly RemoteKey[] = ['ArrowDown']

export function screen(id: ScreenId): ScreenSpec {
  const found = SCREENS.find((s) => s.id === id)
  if (!found) throw new Error(`no screen ${id}`)
  return found
}
