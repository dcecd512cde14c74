/**
 * A video's WebVTT subtitles, fetched and read in the feed layer: the player is handed cues, never a file.
 * Bounded like every feed request (the HTTP client's timeout, one retry): a player never waits for its
 * subtitles; it plays without them and says so. Not cached: a video needs the network anyway.
 */
import { HttpError, type HttpClient } from './http'
import { parseWebVtt, type SubtitleTrack } from './webvtt'

export type SubtitleFailure = 'timeout' | 'network' | 'http' | 'not-found' | 'not-vtt' | 'too-large'

export type SubtitleResult = { ok: true; track: SubtitleTrack } | { ok: false; reason: SubtitleFailure }

export async function loadSubtitles(http: HttpClient, url: string): Promise<SubtitleResult> {
  try {
    const response = await http.get(url, { retries: 1 })
    if (response.status === 404 || response.status === 410) return { ok: false, reason: 'not-found' }
    if (response.status !== 200) return { ok: false, reason: 'http' }
    const parsed = parseWebVtt(response.text)
    return parsed.ok ? { ok: true, track: parsed.track } : { ok: false, reason: parsed.reason }
  } catch (error) {
    return { ok: false, reason: error instanceof HttpError ? error.kind : 'network' }
  }
}
