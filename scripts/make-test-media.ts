/**
 * Makes the test video the mock feed serves (mocks/media/explainer.mp4) with Debian's ffmpeg: 30 s,
 * 320×180, 10 frames a second, H.264 Constrained Baseline (what set-top boxes decode) with AAC-LC mono
 * sound, the moov atom first (plays while it loads). The picture shows the elapsed time in large digits
 * and a square moving across, so a screenshot tells where playback is; the sound is a quiet tone.
 * The file is committed (about 185 kB; this refuses to write one over 300 kB), so tests need no ffmpeg:
 * run this only to change it (`apt-get install ffmpeg` first).
 *
 *   npx tsx scripts/make-test-media.ts
 *
 * The subtitles beside it (mocks/media/*.vtt) are written by hand: real WebVTT with Chinese cues.
 */
import { spawnSync } from 'node:child_process'
import { statSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const OUT = fileURLToPath(new URL('../mocks/media/explainer.mp4', import.meta.url))
const FONT = '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf'
const SECONDS = 30
const MAX_BYTES = 300_000

const args = [
  '-hide_banner',
  '-loglevel',
  'error',
  '-y',
  '-f',
  'lavfi',
  '-i',
  `color=c=0x1f3556:s=320x180:r=10:d=${SECONDS}`,
  '-f',
  'lavfi',
  '-i',
  `sine=frequency=330:sample_rate=22050:duration=${SECONDS}`,
  '-vf',
  `drawbox=x='mod(t*40\\,280)':y=110:w=40:h=40:color=0xffd21f@1:t=fill,drawtext=fontfile=${FONT}:text='%{pts\\:hms}':x=(w-tw)/2:y=30:fontsize=40:fontcolor=white`,
  '-c:v',
  'libx264',
  '-profile:v',
  'baseline',
  '-level',
  '3.0',
  '-pix_fmt',
  'yuv420p',
  '-crf',
  '30',
  // A key frame every 2 s: a 10 s seek lands on one.
  '-g',
  '20',
  '-c:a',
  'aac',
  '-b:a',
  '24k',
  '-ac',
  '1',
  '-movflags',
  '+faststart',
  '-shortest',
  OUT,
]

const run = spawnSync('ffmpeg', args, { stdio: 'inherit' })
if (run.error || run.status !== 0) {
  console.error(`ffmpeg failed (${run.error?.message ?? `exit ${run.status}`}): install it with apt-get install -y ffmpeg`)
  process.exit(1)
}
const bytes = statSync(OUT).size
if (bytes > MAX_BYTES) {
  console.error(`${OUT} is ${bytes} bytes, over ${MAX_BYTES}: lower the quality (crf) or the length`)
  process.exit(1)
}
console.log(`wrote ${OUT} (${bytes} bytes, ${SECONDS} s)`)
