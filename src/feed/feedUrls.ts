/**
 * The feed's URL layout, in one place: the box, the editors' preview, the validator and the mocks all
 * build their addresses here (docs/feed.md, "Files").
 *
 *   {feedBaseUrl}/v1/regions/{region}/index.json
 *   {feedBaseUrl}/v1/regions/{region}/notices/{id}.json
 *   {feedBaseUrl}/v1/regions/{region}/guides/{id}.json
 *   {feedBaseUrl}/v1/regions/{region}/faq/topics/{topicId}.json   (常见问题: one topic's questions)
 *   {feedBaseUrl}/v1/regions/{region}/faq/search.json             (every topic's questions, for search)
 *   {feedBaseUrl}/v1/regions/{region}/faq/entries/{id}.json       (one answer)
 *   {progressApiUrl}/v1/applications/lookup          (POST)
 *   {pollApiUrl}/v1/polls/{pollId}/answers           (POST)
 *   {pollApiUrl}/v1/polls/{pollId}/results           (GET)
 *   {assistApiUrl}/v1/assist-requests                 (POST)
 */

/** A base from settings without its trailing slashes: `…/gov/` must not become `…/gov//v1/…`. */
export function trimBase(base: string): string {
  return base.replace(/\/+$/, '')
}

/**
 * Region codes and ids are URL-safe by schema; they are still encoded so a stray character cannot
 * change the path. Route patterns (`:region`, `:id`) pass `literal` to keep their placeholders.
 */
function part(value: string, literal: boolean): string {
  return literal ? value : encodeURIComponent(value)
}

export interface FeedPaths {
  region: string
  index: string
  notice(id: string): string
  guide(id: string): string
}

/** Paths relative to the feed base, e.g. `v1/regions/431025/index.json`. */
export function feedPaths(region: string, options: { literal?: boolean } = {}): FeedPaths {
  const literal = options.literal === true
  const folder = `v1/regions/${part(region, literal)}`
  return {
    region: folder,
    index: `${folder}/index.json`,
    notice: (id) => `${folder}/notices/${part(id, literal)}.json`,
    guide: (id) => `${folder}/guides/${part(id, literal)}.json`,
  }
}

/** 常见问题 (issue 12): the knowledge base's shards under the region's folder. */
export interface FaqPaths {
  topic(topicId: string): string
  search: string
  entry(id: string): string
}

/** Paths relative to the feed base, e.g. `v1/regions/431025/faq/topics/yibao.json`. */
export function faqPaths(region: string, options: { literal?: boolean } = {}): FaqPaths {
  const literal = options.literal === true
  const folder = `${feedPaths(region, options).region}/faq`
  return {
    topic: (topicId) => `${folder}/topics/${part(topicId, literal)}.json`,
    search: `${folder}/search.json`,
    entry: (id) => `${folder}/entries/${part(id, literal)}.json`,
  }
}

/** A feed-relative path under a base URL. */
export function feedUrl(base: string, path: string): string {
  return `${trimBase(base)}/${path}`
}

export const PROGRESS_LOOKUP_PATH = 'v1/applications/lookup'

/** The one address of the progress lookup: number and code travel in the POST body. */
export function progressLookupUrl(progressApiUrl: string): string {
  return `${trimBase(progressApiUrl)}/${PROGRESS_LOOKUP_PATH}`
}

/** A poll's two live addresses; the poll id is the only thing about the answer in them. */
export function pollPaths(pollId: string, options: { literal?: boolean } = {}): { answers: string; results: string } {
  const folder = `v1/polls/${part(pollId, options.literal === true)}`
  return { answers: `${folder}/answers`, results: `${folder}/results` }
}

export function pollAnswerUrl(pollApiUrl: string, pollId: string): string {
  return feedUrl(pollApiUrl, pollPaths(pollId).answers)
}

export function pollResultsUrl(pollApiUrl: string, pollId: string): string {
  return feedUrl(pollApiUrl, pollPaths(pollId).results)
}

export const ASSIST_REQUESTS_PATH = 'v1/assist-requests'

/** The one address of 请工作人员联系我: the phone and the place travel in the POST body. */
export function assistRequestUrl(assistApiUrl: string): string {
  return `${trimBase(assistApiUrl)}/${ASSIST_REQUESTS_PATH}`
}
