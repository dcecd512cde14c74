/**
 * The floor: the least a Lightning 2 app can be. Core and SDK, `Launch`, one text, nothing else. The
 * benchmark builds it with the app's own rollup plugins (resolve, json, commonjs, esbuild es2019 minified)
 * and compares the app with it in the same run, so the machine's speed cancels out.
 *
 * Marks the same User Timing names as src/index.ts and src/App.ts: `app:boot` when the bundle starts and
 * `app:first-content` on the first frameEnd after the text's texture has been drawn (uploaded).
 * `?res=1080` renders a 1920×1080 stage; the default is 1280×720, the benchmark's viewport.
 */
import { Launch, Lightning } from '@lightningjs/sdk'

performance.mark('app:boot')

const res1080 = new URLSearchParams(location.search).get('res') === '1080'

interface FloorTemplateSpec extends Lightning.Component.TemplateSpec {
  Label: object
}

class Floor
  extends Lightning.Component<FloorTemplateSpec>
  implements Lightning.Component.ImplementTemplateSpec<FloorTemplateSpec>
{
  static override _template(): Lightning.Component.Template<FloorTemplateSpec> {
    return {
      w: 1920,
      h: 1080,
      Label: { x: 960, y: 540, mount: 0.5, text: { text: '政务服务', fontSize: 64, textColor: 0xffffffff } },
    }
  }

  override _init(): void {
    const label = this.tag('Label') as Lightning.Element
    // txLoaded: the text was rendered into its texture; the frame that ends next has drawn it.
    label.once('txLoaded', () => {
      this.stage.once('frameEnd', () => performance.mark('app:first-content'))
    })
  }
}

const size = res1080 ? { width: 1920, height: 1080 } : { width: 1280, height: 720 }
const appSettings = { stage: { clearColor: 0xff0a1628, useImageWorker: false }, debug: false }
const platformSettings = { ...size, path: './', log: false, showVersion: false }
const app = Launch(Floor, appSettings as never, platformSettings as never)
const canvas = app.stage.getCanvas()
canvas.setAttribute('data-testid', 'stage')
document.body.appendChild(canvas)
