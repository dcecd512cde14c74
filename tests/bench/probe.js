/*
 * Page-side probe for the benchmark's interaction runs (key latency, scrolling, navigations), installed
 * before the app's own scripts as `window.__bench`. Not used for the start-up measurements, which run the
 * page untouched. Plain ES5 in a file of its own so that nothing transpiles it.
 *
 * It wraps WebGL's draw and texture calls with counters (a few hundred calls a frame at most; the cost is
 * a function call each). Lightning draws only in frames with changes (Stage.renderFrame), so "a frame
 * without draw calls" means the screen is settled: that is the marker awaited after a key press or a
 * navigation instead of fixed sleeps, without the inspector (which costs time).
 *
 * rAF order: Lightning's loop re-registers its rAF callback during each frame; a callback this probe
 * registers later (from a key event or from an evaluate, i.e. between frames) therefore runs after
 * Lightning's in the same frame, and sees that frame's draw calls.
 */
;(function () {
  var draws = 0
  var liveTextures = 0
  var createdTextures = 0

  function wrap(proto) {
    if (!proto) return
    ;['drawElements', 'drawArrays'].forEach(function (name) {
      var original = proto[name]
      if (typeof original !== 'function') return
      proto[name] = function () {
        draws++
        return original.apply(this, arguments)
      }
    })
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
  wrap(window.WebGLRenderingContext && window.WebGLRenderingContext.prototype)
  wrap(window.WebGL2RenderingContext && window.WebGL2RenderingContext.prototype)

  /** Runs fn(now) in a task posted from inside a frame: after that frame's rendering work is done. */
  function afterFrame(fn) {
    var channel = new MessageChannel()
    channel.port1.onmessage = function () {
      fn(performance.now())
    }
    channel.port2.postMessage(null)
  }

  var keys = { armed: false, results: [], lastKeyAt: 0 }

  // Capture phase on window: runs before Lightning's own keydown listener (bubble phase, window).
  // Per key: frameAt = after the first frame that drew something (the key's first visible effect);
  // settledAt = the last frame that drew before two frames without draw calls (everything the key
  // changed, e.g. the new row's text textures, is on screen). The result is recorded once settled.
  window.addEventListener(
    'keydown',
    function (event) {
      var handlerAt = performance.now()
      keys.lastKeyAt = handlerAt
      if (!keys.armed) return
      // For trusted input, timeStamp is when the browser received the event; fall back to now.
      var eventAt = event.timeStamp > 0 && event.timeStamp <= handlerAt ? event.timeStamp : handlerAt
      var result = { keyCode: event.keyCode, eventAt: eventAt, handlerAt: handlerAt, frameAt: 0, settledAt: 0, frames: 0, drawn: false }
      var start = draws
      var frames = 0
      var first = true
      var seen = draws
      var still = 0
      function onFrame() {
        frames++
        if (first) {
          // The first frame after the key in which Lightning drew something (at most 60 frames).
          if (draws === start && frames < 60) return requestAnimationFrame(onFrame)
          first = false
          result.frames = frames
          result.drawn = draws !== start
          result.settledAt = performance.now()
          seen = draws
          afterFrame(function (now) {
            result.frameAt = now
          })
          return requestAnimationFrame(onFrame)
        }
        if (draws !== seen) {
          seen = draws
          still = 0
          result.settledAt = performance.now()
        } else still++
        if (still >= 2 || frames > 600) {
          // afterFrame of the first drawn frame has run by now (a task, frames ago).
          result.frameAt = result.frameAt || result.settledAt
          keys.results.push(result)
          return
        }
        requestAnimationFrame(onFrame)
      }
      requestAnimationFrame(onFrame)
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
        requestAnimationFrame(check)
      })()
    })
  }

  /**
   * Resolves when `n` frames in a row drew nothing. `lastDrawAt` is the time of the last frame that drew
   * (or undefined when none did), `frames` how many frames were watched.
   */
  function quiet(n, timeoutMs) {
    return new Promise(function (resolve) {
      var started = performance.now()
      var last = draws
      var still = 0
      var frames = 0
      var lastDrawAt
      function tick() {
        frames++
        if (draws === last) still++
        else {
          still = 0
          last = draws
          lastDrawAt = performance.now()
        }
        if (still >= n) return resolve({ ok: true, frames: frames, lastDrawAt: lastDrawAt, at: performance.now() })
        if (performance.now() - started > timeoutMs) return resolve({ ok: false, frames: frames, lastDrawAt: lastDrawAt })
        requestAnimationFrame(tick)
      }
      requestAnimationFrame(tick)
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
        requestAnimationFrame(waitHash)
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

  // rAF timestamps (frame start times) and the draw counter per frame while recording.
  var recording = null
  function record() {
    var r = { stamps: [], draws: [] }
    recording = r
    function tick(ts) {
      if (recording !== r) return
      r.stamps.push(ts)
      r.draws.push(draws)
      requestAnimationFrame(tick)
    }
    requestAnimationFrame(tick)
  }
  function stopRecording() {
    var r = recording
    recording = null
    return r
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

  window.__bench = {
    keys: keys,
    awaitKeys: awaitKeys,
    quiet: quiet,
    settle: settle,
    frames: frames,
    record: record,
    stopRecording: stopRecording,
    mark: mark,
    counters: function () {
      return { draws: draws, liveTextures: liveTextures, createdTextures: createdTextures }
    },
  }
})()
