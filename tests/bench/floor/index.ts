/**
 * The floor: the least a Lightning 2 app can be. Core and SDK, `Launch`, one text, nothing else. The
 * benchmark builds it with the app's own rollup plugins (resolve, json, commonjs, esbuild es2019 minified)
 * and compares the app with it in the same run, so the machine's speed cancels out.
 *
 * Marks the same User Timing names as src/index.ts and src/App.ts: `app:boot` when the bundle starts and
 * `app:first-content` on the first frameEnd after the text's texture has been drawn (uploaded).
 *
 * Query:
 * - `?res=1080` renders a 1920×1080 stage; the default is 1280×720. Like the app's 720 setting, the
 *   1920×1080 design is drawn at precision 2/3 then.
 * - `?renderer=canvas2d` or `?renderer=webgl` picks Lightning's renderer. The benchmark always passes it, so
 *   the floor's start pays for no probe; without it (opened by hand) one throw-away WebGL context decides,
 *   as the app's does, because Lightning itself throws where the interface exists but no context can be made.
 * - `?rows=20`: the floor for keys, as issue 11 describes it: one title and 20 focusable rows (a rect and a
 *   text each); Up/Down move the focus, which only changes the row's colour (a tint: no text is drawn
 *   again). Down on the last row wraps to the first, so a held key never runs out of rows. Without it
 *   the page is the one-text cold-start floor, unchanged.
 */
import { Launch, Lightning } from '@lightningjs/sdk'

performance.mark('app:boot')

const query = new URLSearchParams(location.search)
const res1080 = query.get('res') === '1080'
const rowCount = Math.max(0, Math.min(40, Number(query.get('rows') ?? 0) || 0))

function webglAvailable(): boolean {
  if (typeof WebGLRenderingContext === 'undefined') return false
  try {
    const context = document.createElement('canvas').getContext('webgl')
    context?.getExtension('WEBGL_lose_context')?.loseContext()
    return context !== null
  } catch {
    return false
  }
}

const asked = query.get('renderer')
const renderer = asked === 'canvas2d' || asked === 'webgl' ? asked : webglAvailable() ? 'webgl' : 'canvas2d'

const ROW_COLOR = 0xff1f3556
const FOCUS_COLOR = 0xffffd21f
const ROW_Y = 120
const ROW_H = 44
const ROW_STEP = 46

interface FloorTemplateSpec extends Lightning.Component.TemplateSpec {
  Label: object
  Rows: object
}

class Floor
  extends Lightning.Component<FloorTemplateSpec>
  implements Lightning.Component.ImplementTemplateSpec<FloorTemplateSpec>
{
  private focused = 0

  static override _template(): Lightning.Component.Template<FloorTemplateSpec> {
    const label = { text: { text: '政务服务', fontSize: 64, textColor: 0xffffffff } }
    return {
      w: 1920,
      h: 1080,
      // The one-text floor centres its text; the rows floor puts it on top as the title.
      Label: rowCount > 0 ? { x: 96, y: 20, ...label } : { x: 960, y: 540, mount: 0.5, ...label },
      Rows: {},
    }
  }

  override _init(): void {
    const rows = this.tag('Rows') as Lightning.Element
    for (let i = 0; i < rowCount; i++) {
      rows.childList.add(
        this.stage.c({
          x: 96,
          y: ROW_Y + i * ROW_STEP,
          w: 1728,
          h: ROW_H,
          rect: true,
          color: i === 0 ? FOCUS_COLOR : ROW_COLOR,
          Text: { x: 24, y: 4, text: { text: `第 ${i + 1} 行`, fontSize: 28, textColor: 0xffffffff } },
        }),
      )
    }
    const label = this.tag('Label') as Lightning.Element
    // txLoaded: the text was rendered into its texture; the frame that ends next has drawn it.
    label.once('txLoaded', () => {
      this.stage.once('frameEnd', () => performance.mark('app:first-content'))
    })
  }

  private move(delta: number): boolean {
    if (rowCount === 0) return false
    const rows = (this.tag('Rows') as Lightning.Element).childList
    rows.getAt(this.focused)?.patch({ color: ROW_COLOR })
    this.focused = (this.focused + delta + rowCount) % rowCount
    rows.getAt(this.focused)?.patch({ color: FOCUS_COLOR })
    return true
  }

  override _handleDown(): boolean {
    return this.move(1)
  }

  override _handleUp(): boolean {
    return this.move(-1)
  }
}

const size = res1080 ? { width: 1920, height: 1080 } : { width: 1280, height: 720 }
const appSettings = { stage: { clearColor: 0xff0a1628, useImageWorker: false, canvas2d: renderer === 'canvas2d' }, debug: false }
const platformSettings = { ...size, path: './', log: false, showVersion: false }
const app = Launch(Floor, appSettings as never, platformSettings as never)
const canvas = app.stage.getCanvas()
canvas.setAttribute('data-testid', 'stage')
canvas.setAttribute('data-renderer', renderer)
document.body.appendChild(canvas)
