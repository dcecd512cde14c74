/**
 * `--trace`: a Chromium trace around the key presses of each screen (and the floor's), summed per thread by
 * traceSummary.ts. Off by default: tracing costs the browser time of its own, so the judged figures come
 * from untraced runs; a traced run says where the time of a key goes that the page's main thread does not see.
 */
import type { Session } from './browser'
import { summariseTrace, type TraceEvent, type TraceSummary } from './traceSummary'

// Every task each thread runs; nothing finer (less tracing overhead, and the GPU's own work is uninstrumented).
const CATEGORIES = ['toplevel']

/** Runs `work` (which presses `presses` keys) inside a trace and returns its result and the trace's summary. */
export async function traced<T>(session: Session, presses: number, work: () => Promise<T>): Promise<{ result: T; trace: TraceSummary }> {
  const events: TraceEvent[] = []
  const onData = (data: { value: object[] }) => {
    // The protocol types trace events as plain objects; they follow the Trace Event Format.
    for (const e of data.value) events.push(e as TraceEvent)
  }
  session.cdp.on('Tracing.dataCollected', onData)
  await session.cdp.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: { includedCategories: CATEGORIES, recordMode: 'recordAsMuchAsPossible' },
  })
  let result: T
  try {
    result = await work()
  } finally {
    const complete = new Promise<void>((done) => session.cdp.once('Tracing.tracingComplete', () => done()))
    await session.cdp.send('Tracing.end')
    await complete
    session.cdp.off('Tracing.dataCollected', onData)
  }
  return { result, trace: summariseTrace(events, presses) }
}
