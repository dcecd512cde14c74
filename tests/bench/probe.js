/*
 * Page-side probe for the benchmark's interaction runs (keys, held keys, navigations, memory), installed
 * before the page's own scripts as `window.__bench`. Not used for the start-up measurements, which run
 * the page untouched. Plain ES5 in a file of its own so that nothing transpiles it (esbuild's __name
 * helper would break a function handed to page.evaluate).
 *
 * How it reaches Lightning without a hook in the app: core's module runs `window.lng = lightning` when it
 * loads (app and floor bundles alike); a setter on window catches that object before Launch, and the probe
 * wraps methods on its classes' prototypes (looked up at call time, so the minified bundle calls them):
 *
 * - Stage.updateFrame / Stage.renderFrame: each frame's start and end and whether it drew (renderFrame
 *   returns whether there were render updates). That works for WebGL and canvas2d alike, so "a frame that
 *   drew" and "the screen is settled" are told by Lightning itself, not by counting WebGL calls.
 * - TextTexture.renderer: every text drawn into a canvas (count and time), i.e. texts drawn again.
 * - Stage.gc: how often Lightning freed texture memory under memoryPressure.
 *
 * WebGL's draw and texture calls are counted too (a function call each; a few hundred a frame at most),
 * for the paint counters and for texture leaks over navigations.
 *
 * Key timing (armed by the benchmark): a capture listener on window (runs before Lightning's own bubble
 * listener on window) takes the event's timeStamp (when the browser received the key) and the handler's
 * start; a bubble listener added after Lightning's (at the first frame, when Lightning has registered its
 * own) takes the end of the key's handlers. The first frame after the key in which Lightning drew gives
 * the frame's start (updateFrame) and its end (renderFrame returned: the last draw call issued). The
 * browser's own Event Timing entries for keydown are collected as well (PerformanceObserver 'event').
 */
;(function () {
  var glDraws = 0
  var glVertices = 0
  var liveTextures = 0
  var createdTextures = 0
  var texImageUploads = 0

  function wrapGl(proto) {
    if (!proto) return
    var drawElements = proto.drawElements
    proto.drawElements = function (mode, count) {
      glDraws++
      glVertices += count
      return drawElements.apply(this, arguments)
    }
    var drawArrays = proto.drawArrays
    proto.drawArrays = function (mode, first, count) {
      glDraws++
      glVertices += count
      return drawArrays.apply(this, arguments)
    }
    var texImage2D = proto.texImage2D
    proto.texImage2D = function () {
      texImageUploads++
      return texImage2D.apply(this, arguments)
    }
    var create = proto.createTexture
    var remove = proto.deleteTexture
    proto.createTexture = function () {
      liveTextures++
      createdTextures++
      return create.apply(this, arguments)
    }
    proto.deleteTexture = function (texture) {
      if (texture) liveTextures--
      return remove.apply(this, arguments)
    }
  }
  wrapGl(window.WebGLRenderingContext && window.WebGLRenderingContext.prototype)
  wrapGl(window.WebGL2RenderingContext && window.WebGL2RenderingContext.prototype)

  // ---------------------------------------------------------------------------------------------------
  // Lightning's frames

  var bench = {
    stage: null,
    lng: null,
    /** Frames in which Lightning drew something (renderFrame returned true). */
    drawnFrames: 0,
    frameCount: 0,
    texts: 0,
    textMs: 0,
    gcs: 0,
    /** Called after every frame Lightning ran: fn(drew, frameStartAt, frameEndAt). */
    frameListeners: [],
  }
  var frameStartAt = 0
  var afterListenerAdded = false

  function patchLightning(lng) {
    if (!lng || !lng.Stage || bench.lng) return
    bench.lng = lng
    var proto = lng.Stage.prototype
    var updateFrame = proto.updateFrame
    proto.updateFrame = function () {
      frameStartAt = performance.now()
      return updateFrame.apply(this, arguments)
    }
    var renderFrame = proto.renderFrame
    proto.renderFrame = function () {
      bench.stage = this
      var drew = renderFrame.apply(this, arguments)
      var endAt = performance.now()
      bench.frameCount++
      if (drew) bench.drawnFrames++
      if (!afterListenerAdded) {
        // Lightning registered its keydown listener while the stage was made: this one runs after it.
        afterListenerAdded = true
        window.addEventListener('keydown', onKeyHandled)
      }
      var listeners = bench.frameListeners.slice()
      for (var i = 0; i < listeners.length; i++) listeners[i](!!drew, frameStartAt, endAt)
      return drew
    }
    var gc = proto.gc
    proto.gc = function () {
      bench.gcs++
      return gc.apply(this, arguments)
    }
    var TextTexture = lng.textures && lng.textures.TextTexture
    if (TextTexture && typeof TextTexture.renderer === 'function') {
      var makeRenderer = TextTexture.renderer
      TextTexture.renderer = function () {
        var renderer = makeRenderer.apply(this, arguments)
        var draw = renderer.draw
        renderer.draw = function () {
          var started = performance.now()
          bench.texts++
          var result = draw.apply(this, arguments)
          bench.textMs += performance.now() - started
          return result
        }
        return renderer
      }
    }
  }

  var lngValue
  try {
    Object.defineProperty(window, 'lng', {
      configurable: true,
      get: function () {
        return lngValue
      },
      set: function (value) {
        lngValue = value
        patchLightning(value)
      },
    })
  } catch (e) {
    // Without it there are no frame figures; the benchmark reports them as n/a.
  }

  function onFrame(fn) {
    bench.frameListeners.push(fn)
    return function () {
      var i = bench.frameListeners.indexOf(fn)
      if (i >= 0) bench.frameListeners.splice(i, 1)
    }
  }

  /** Runs fn(now) in a task posted from inside a frame: after that frame's rendering work is done. */
  function afterFrame(fn) {
    var channel = new MessageChannel()
    channel.port1.onmessage = function () {
      fn(performance.now())
    }
    channel.port2.postMessage(null)
  }

  // ---------------------------------------------------------------------------------------------------
  // Keys

  var keys = { armed: false, results: [], lastKeyAt: 0, current: null }
  var events = []

  try {
    var observer = new PerformanceObserver(function (list) {
      var entries = list.getEntries()
      for (var i = 0; i < entries.length; i++) {
        var e = entries[i]
        // Only while keys are measured (measureKeys sets recordEvents): kept for the 1000 keys of the heap
        // measurement, these entries would count as the app's objects (its compiled code is told apart
        // by heapSnapshot.ts).
        if (e.name !== 'keydown' || !bench.recordEvents) continue
        events.push({
          startTime: e.startTime,
          duration: e.duration,
          processingStart: e.processingStart,
          processingEnd: e.processingEnd,
          interactionId: e.interactionId || 0,
        })
      }
    })
    // 16 ms is the least the Event Timing API reports; shorter keys have no entry (counted as ≤ 16 ms).
    observer.observe({ type: 'event', durationThreshold: 16, buffered: true })
  } catch (e) {
    // No Event Timing here: the benchmark reports the figure as n/a.
  }

  function onKeyHandled() {
    if (keys.current && !keys.current.handlerEndAt) keys.current.handlerEndAt = performance.now()
  }

  // Per key: the first frame that drew after it (its start and end, and a task after it: the key's first
  // visible effect); settledAt = the last frame that drew before two frames without drawing (everything
  // the key changed, e.g. the new row's texts, is on screen). The result is recorded once settled.
  window.addEventListener(
    'keydown',
    function (event) {
      var handlerAt = performance.now()
      keys.lastKeyAt = handlerAt
      if (!keys.armed) return
      // For trusted input, timeStamp is when the browser received the event; fall back to now.
      var eventAt = event.timeStamp > 0 && event.timeStamp <= handlerAt ? event.timeStamp : handlerAt
      var result = {
        keyCode: event.keyCode,
        eventAt: eventAt,
        handlerAt: handlerAt,
        handlerEndAt: 0,
        frameStartAt: 0,
        frameEndAt: 0,
        frameAt: 0,
        settledAt: 0,
        frameCount: 0,
        drawn: false,
        texts: 0,
        textMs: 0,
        glDraws: 0,
      }
      keys.current = result
      var texts = bench.texts
      var textMs = bench.textMs
      var gl = glDraws
      var frames = 0
      var still = 0
      var first = true
      var off = onFrame(function (drew, startAt, endAt) {
        frames++
        if (first) {
          // The first frame after the key in which Lightning drew something (at most 60 frames).
          if (!drew && frames < 60) return
          first = false
          result.frames = frames
          result.drawn = drew
          result.frameStartAt = startAt
          result.frameEndAt = endAt
          result.settledAt = endAt
          afterFrame(function (now) {
            result.frameAt = now
          })
          return
        }
        if (drew) {
          still = 0
          result.settledAt = endAt
        } else still++
        if (still >= 2 || frames > 600) {
          off()
          // afterFrame of the first drawn frame has run by now (a task, frames ago).
          result.frameAt = result.frameAt || result.settledAt
          result.texts = bench.texts - texts
          result.textMs = bench.textMs - textMs
          result.glDraws = glDraws - gl
          if (keys.current === result) keys.current = null
          keys.results.push(result)
        }
      })
    },
    true,
  )

  /** Resolves once `n` key results exist, or with false after timeoutMs. */
  function awaitKeys(n, timeoutMs) {
    return new Promise(function (resolve) {
      var started = performance.now()
      ;(function check() {
        if (keys.results.length >= n) return resolve(true)
        if (performance.now() - started > timeoutMs) return resolve(false)
        setTimeout(check, 10)
      })()
    })
  }

  // ---------------------------------------------------------------------------------------------------
  // Waiting for the screen

  /**
   * Resolves when Lightning ran `n` frames in a row that drew nothing. `lastDrawAt` is the end of the last
   * frame that drew (undefined when none did). Before Lightning runs at all there are no frames: it waits.
   */
  function quiet(n, timeoutMs) {
    return new Promise(function (resolve) {
      var started = performance.now()
      var still = 0
      var frames = 0
      var lastDrawAt
      var timer = setTimeout(function () {
        off()
        resolve({ ok: false, frames: frames, lastDrawAt: lastDrawAt })
      }, timeoutMs)
      var off = onFrame(function (drew, startAt, endAt) {
        frames++
        if (drew) {
          still = 0
          lastDrawAt = endAt
        } else still++
        if (still >= n) {
          off()
          clearTimeout(timer)
          resolve({ ok: true, frames: frames, lastDrawAt: lastDrawAt, at: performance.now(), waitedMs: performance.now() - started })
        }
      })
    })
  }

  /** Waits for location.hash to match `pattern`, then for `n` quiet frames. Times relative to the last key. */
  function settle(pattern, n, timeoutMs) {
    var re = new RegExp(pattern)
    var keyAt = keys.lastKeyAt
    var started = performance.now()
    return new Promise(function (resolve) {
      ;(function waitHash() {
        if (re.test(location.hash)) {
          var hashAt = performance.now()
          quiet(n, Math.max(1, timeoutMs - (hashAt - started))).then(function (q) {
            resolve({
              ok: q.ok,
              hash: location.hash,
              hashMs: hashAt - keyAt,
              drawnMs: (q.lastDrawAt === undefined ? hashAt : q.lastDrawAt) - keyAt,
            })
          })
          return
        }
        if (performance.now() - started > timeoutMs) return resolve({ ok: false, hash: location.hash })
        setTimeout(waitHash, 10)
      })()
    })
  }

  function frames(n) {
    return new Promise(function (resolve) {
      ;(function next(left) {
        left <= 0 ? resolve() : requestAnimationFrame(function () { next(left - 1) })
      })(n)
    })
  }

  // ---------------------------------------------------------------------------------------------------
  // Recording frames while a key is held

  // rAF timestamps (frame start times), Lightning's drawn-frame counter per frame, and texture memory.
  var recording = null
  function record() {
    var r = { stamps: [], drawn: [], keydowns: 0 }
    recording = r
    function tick(ts) {
      if (recording !== r) return
      r.stamps.push(ts)
      r.drawn.push(bench.drawnFrames)
      requestAnimationFrame(tick)
    }
    requestAnimationFrame(tick)
  }
  window.addEventListener(
    'keydown',
    function () {
      if (recording) recording.keydowns++
    },
    true,
  )
  function stopRecording() {
    var r = recording
    recording = null
    return r
  }

  // Texture memory as Lightning counts it (pixels): the stage's total (textures, render textures, renderer
  // caches) and the texture manager's share, the largest seen at the end of any frame while sampling.
  var memory = null
  function sampleMemory() {
    var stage = bench.stage
    if (!stage) return null
    var m = {
      maxUsed: 0,
      maxTextures: 0,
      samples: 0,
      gcsBefore: bench.gcs,
      memoryPressure: stage.getOption ? stage.getOption('memoryPressure') : null,
    }
    memory = m
    m.off = onFrame(function () {
      var used = stage.usedMemory !== undefined ? stage.usedMemory : stage._usedMemory
      var tm = stage.textureManager
      var textures = tm ? (tm.usedMemory !== undefined ? tm.usedMemory : tm._usedMemory) : 0
      if (used > m.maxUsed) m.maxUsed = used
      if (textures > m.maxTextures) m.maxTextures = textures
      m.samples++
    })
    return true
  }
  function stopMemory() {
    var m = memory
    memory = null
    if (!m) return null
    m.off()
    return {
      maxUsed: m.maxUsed,
      maxTextures: m.maxTextures,
      samples: m.samples,
      memoryPressure: m.memoryPressure,
      gcs: bench.gcs - m.gcsBefore,
    }
  }

  /** Resolves with the time of a User Timing mark once it exists (no polling: a PerformanceObserver). */
  function mark(name, timeoutMs) {
    return new Promise(function (resolve) {
      function found() {
        var entry = performance.getEntriesByName(name, 'mark')[0]
        if (entry) resolve(entry.startTime)
        return !!entry
      }
      if (found()) return
      var observer = new PerformanceObserver(function () {
        if (found()) observer.disconnect()
      })
      observer.observe({ type: 'mark', buffered: true })
      setTimeout(function () {
        observer.disconnect()
        resolve(null)
      }, timeoutMs)
    })
  }

  bench.keys = keys
  bench.events = events
  bench.recordEvents = false
  bench.onFrame = onFrame
  bench.awaitKeys = awaitKeys
  bench.quiet = quiet
  bench.settle = settle
  bench.frames = frames
  bench.record = record
  bench.stopRecording = stopRecording
  bench.sampleMemory = sampleMemory
  bench.stopMemory = stopMemory
  bench.mark = mark
  bench.gl = function () {
    return { draws: glDraws, vertices: glVertices, uploads: texImageUploads }
  }
  bench.counters = function () {
    return { draws: glDraws, liveTextures: liveTextures, createdTextures: createdTextures, drawnFrames: bench.drawnFrames }
  }
  window.__bench = bench
})()
