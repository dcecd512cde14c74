/**
 * The live application-progress lookup. Answers are personal: they are masked here, returned to the
 * screen and never cached (this module has no access to the cache on purpose). What the person typed
 * goes in a POST body, never in an address, an error text or a log.
 */
import { parseProgress } from './document'
import { maskName, maskNumber, maskText, normalizeDigits } from './mask'
import { postJson, retryAfterSeconds, safeJson, type PostJson } from './postJson'
import type { Progress } from './schema'
import { progressLookupUrl } from './feedUrls'

export type ProgressResult =
  | { kind: 'found'; progress: Progress }
  | { kind: 'not-found' }
  | { kind: 'wrong-code' }
  | { kind: 'too-many'; retryAfterSeconds: number }
  | { kind: 'unavailable' }

/** What the person types: an application number of 4–32 digits and a 4–8 digit code. */
export function isValidApplicationNo(value: string): boolean {
  return /^\d{4,32}$/.test(value)
}
export function isValidCode(value: string): boolean {
  return /^\d{4,8}$/.test(value)
}

/**
 * Masks what the server should have masked, in everything the screen shows: the applicant by the name
 * rule, the application number, and phone, ID and card numbers in the item name, the pickup, and each
 * step's office and note. A name or number the answer repeats inside a text is masked there too: a server
 * that forgot the applicant field forgot the note as well ("已由刘建国本人签收").
 */
export function maskProgress(progress: Progress): Progress {
  const maskedNo = maskNumber(progress.applicationNo)
  const shownName = maskName(progress.applicant)
  // The name as the server may have written it in a text, without the stars it may have put in the field.
  const rawName = progress.applicant.replace(/\*/g, '').trim()
  const nameInText = maskName(rawName)
  const text = (value: string): string => {
    let out = replaceWholeNumber(normalizeDigits(value), progress.applicationNo, maskedNo)
    if (Array.from(rawName).length >= 2) out = out.split(rawName).join(nameInText)
    return maskText(out)
  }
  const masked: Progress = {
    ...progress,
    applicationNo: maskedNo,
    itemName: text(progress.itemName),
    applicant: shownName,
    steps: progress.steps.map((step) => {
      const shown = { ...step, office: text(step.office) }
      if (step.note !== undefined) shown.note = text(step.note)
      return shown
    }),
  }
  if (progress.pickup !== undefined) masked.pickup = text(progress.pickup)
  return masked
}

/** `number` where it stands alone: 12345 must survive an application number 1234. */
function replaceWholeNumber(text: string, number: string, by: string): string {
  if (!number) return text
  const escaped = number.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&')
  return text.replace(new RegExp(`(^|[^0-9A-Za-z])${escaped}(?![0-9A-Za-z])`, 'g'), (_m, before: string) => before + by)
}

export interface LookupOptions {
  /** Per lookup, covering headers and body. Default 8000, the feed's default. */
  timeoutMs?: number
  /** Tests pass their own; the box uses fetch or XMLHttpRequest, whichever can time out (postJson.ts). */
  post?: PostJson
}

/**
 * One address for every lookup, with the application number beside the code in the body rather than in
 * the path: the number is on the person's receipt and names them to whoever reads a server, CDN or proxy
 * log, or the browser console (which prints the address of every failed request, e.g. a 403). A fixed
 * address keeps every log line alike.
 */
export { progressLookupUrl }

export async function lookupProgress(
  progressApiUrl: string,
  applicationNo: string,
  code: string,
  options: LookupOptions = {},
): Promise<ProgressResult> {
  const post = options.post ?? postJson
  const timeoutMs = options.timeoutMs ?? 8000
  try {
    // One attempt, no retries: a person is waiting, and a wrong code must not be sent twice.
    const response = await post(progressLookupUrl(progressApiUrl), { applicationNo, code }, { timeoutMs })
    if (response.status === 404) return { kind: 'not-found' }
    // 400 is how some services answer a code of the wrong shape: to the person it is a wrong code.
    if (response.status === 403 || response.status === 400) return { kind: 'wrong-code' }
    if (response.status === 429) {
      return { kind: 'too-many', retryAfterSeconds: retryAfterSeconds(response.header('Retry-After'), Date.now()) ?? 60 }
    }
    if (response.status !== 200) return { kind: 'unavailable' }
    const parsed = parseProgress(safeJson(response.text))
    return parsed.ok ? { kind: 'found', progress: maskProgress(parsed.value) } : { kind: 'unavailable' }
  } catch {
    // The error is dropped, not logged: the screen has one thing to say, and nothing personal may reach a log.
    return { kind: 'unavailable' }
  }
}
