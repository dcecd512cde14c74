/**
 * The live application-progress lookup. Answers are personal: they are masked here, returned to the
 * screen and never cached (this module has no access to the cache on purpose).
 */
import { parseProgress } from './document'
import { HttpError, type HttpClient } from './http'
import { maskName, maskNumber, maskPhonesInText } from './mask'
import type { Progress } from './schema'

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

/** Masks what the server should have masked (applicant, number, phone numbers in notes). */
export function maskProgress(progress: Progress): Progress {
  return {
    ...progress,
    applicationNo: maskNumber(progress.applicationNo),
    applicant: progress.applicant.includes('*') ? progress.applicant : maskName(progress.applicant),
    steps: progress.steps.map((step) => ({ ...step, note: step.note ? maskPhonesInText(step.note) : step.note })),
  }
}

export async function lookupProgress(
  http: HttpClient,
  progressApiUrl: string,
  applicationNo: string,
  code: string,
): Promise<ProgressResult> {
  const url = `${progressApiUrl.replace(/\/+$/, '')}/v1/applications/${encodeURIComponent(applicationNo)}?code=${encodeURIComponent(code)}`
  try {
    // No retries: a person is waiting, and a wrong code must not be sent twice.
    const response = await http.get(url, { retries: 0 })
    if (response.status === 404) return { kind: 'not-found' }
    // 400 is how some services answer a code of the wrong shape: to the person it is a wrong code.
    if (response.status === 403 || response.status === 400) return { kind: 'wrong-code' }
    if (response.status === 429) return { kind: 'too-many', retryAfterSeconds: response.retryAfterSeconds ?? 60 }
    if (response.status !== 200) return { kind: 'unavailable' }
    const parsed = parseProgress(safeJson(response.text))
    return parsed.ok ? { kind: 'found', progress: maskProgress(parsed.value) } : { kind: 'unavailable' }
  } catch (error) {
    if (error instanceof HttpError && error.status === 429) {
      return { kind: 'too-many', retryAfterSeconds: error.retryAfterSeconds ?? 60 }
    }
    return { kind: 'unavailable' }
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown
  } catch {
    return undefined
  }
}
