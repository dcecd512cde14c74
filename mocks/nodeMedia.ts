/** mocks/media/ read from disk, for the mock feed under Node (vitest, scripts/serve.ts --feed). */
import { readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import type { MediaLoader } from './handlers'

const DIR = fileURLToPath(new URL('./media/', import.meta.url))

export const nodeMediaLoader: MediaLoader = async (file) => {
  try {
    return new Uint8Array(await readFile(DIR + file))
  } catch {
    return undefined
  }
}
