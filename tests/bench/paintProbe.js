/*
 * Page-side paint counters, installed after probe.js (it needs window.__bench and the stage it found):
 * `__bench.paint()` makes Lightning draw the whole screen once more (Stage.forceRenderUpdate: in WebGL
 * Lightning redraws everything in a frame that has any change; on canvas2d the app repaints only what
 * changed, src/platform/c2dPartialRepaint.ts, and a forced update repaints it all) and resolves with what
 * that frame drew, read from core's own render state (tree/core/CoreRenderState.mjs) right after
 * renderFrame, so it counts the same in WebGL and canvas2d:
 *
 * - quads: renderState.quads.quadElements (one per element with a texture or a rect), and quad operations
 *   (a run of quads with one shader, one scissor and one render target: a batch);
 * - for each quad, the area it covers on the stage: |ta·td − tb·tc| × w × h in design pixels from the
 *   element core's render context (what WebGLRenderer.addQuad turns into vertices), clipped to its
 *   scissor and to the stage; quads drawn into a render texture are counted apart (not on the stage);
 * - of those, the quads whose operation has a shader other than the renderer's default shader
 *   (RoundedRectangle and friends: a per-pixel program), and their area;
 * - text quads (the element's texture is a TextTexture) and full-screen layers (one quad covering ≥ 90 %
 *   of the stage);
 * - in WebGL, the frame's drawElements/drawArrays calls and vertices (probe.js counts them).
 *
 * Areas are reported as fractions of the stage (1.0 = every stage pixel once), so 720p and 1080p stages
 * compare directly; the sum of all areas is the overdraw (pixels filled per stage pixel).
 */
;(function () {
  var bench = window.__bench
  if (!bench) return

  function shaderName(shader) {
    if (!shader) return 'none'
    var c = shader.constructor
    return (c && c.name) || 'shader'
  }

  function quadArea(core, scissor, stageW, stageH) {
    var r = core._renderContext
    var w = core._w
    var h = core._h
    if (!r || !(w > 0) || !(h > 0)) return 0
    if (r.tb !== 0 || r.tc !== 0) {
      // Rotated or skewed: the parallelogram's area, not clipped (none on these screens).
      return Math.abs(r.ta * r.td - r.tb * r.tc) * w * h
    }
    var x0 = r.px
    var x1 = r.px + w * r.ta
    var y0 = r.py
    var y1 = r.py + h * r.td
    if (x1 < x0) { var tx = x0; x0 = x1; x1 = tx }
    if (y1 < y0) { var ty = y0; y0 = y1; y1 = ty }
    var cx0 = 0, cy0 = 0, cx1 = stageW, cy1 = stageH
    if (scissor) {
      cx0 = Math.max(cx0, scissor[0])
      cy0 = Math.max(cy0, scissor[1])
      cx1 = Math.min(cx1, scissor[0] + scissor[2])
      cy1 = Math.min(cy1, scissor[1] + scissor[3])
    }
    var iw = Math.min(x1, cx1) - Math.max(x0, cx0)
    var ih = Math.min(y1, cy1) - Math.max(y0, cy0)
    return iw > 0 && ih > 0 ? iw * ih : 0
  }

  function count(stage, gl) {
    var state = stage.ctx && stage.ctx.renderState
    if (!state || !state.quads) return null
    var TextTexture = bench.lng && bench.lng.textures && bench.lng.textures.TextTexture
    var stageW = stage.coordsWidth || 1920
    var stageH = stage.coordsHeight || 1080
    var stageArea = stageW * stageH
    var elements = state.quads.quadElements
    var ops = state.quadOperations || []
    var out = {
      quads: elements.length,
      operations: ops.length,
      shaderOperations: 0,
      renderTextureQuads: 0,
      coveredArea: 0,
      shaderQuads: 0,
      shaderArea: 0,
      textQuads: 0,
      textArea: 0,
      fullScreenLayers: 0,
      shaders: {},
      glDraws: gl.draws,
      glVertices: gl.vertices,
      renderer: stage.gl ? 'webgl' : 'canvas2d',
      precision: stage.getRenderPrecision ? stage.getRenderPrecision() : 1,
    }
    for (var o = 0; o < ops.length; o++) {
      var op = ops[o]
      var custom = op.shader !== state.defaultShader
      if (custom) {
        out.shaderOperations++
        var name = shaderName(op.shader)
        out.shaders[name] = (out.shaders[name] || 0) + op.length
      }
      for (var i = op.index; i < op.index + op.length; i++) {
        var core = elements[i]
        if (!core) continue
        if (op.renderTextureInfo) {
          out.renderTextureQuads++
          continue
        }
        var area = quadArea(core, op.scissor, stageW, stageH) / stageArea
        out.coveredArea += area
        if (area >= 0.9) out.fullScreenLayers++
        if (custom) {
          out.shaderQuads++
          out.shaderArea += area
        }
        var element = core._element
        if (TextTexture && element && element.texture instanceof TextTexture) {
          out.textQuads++
          out.textArea += area
        }
      }
    }
    return out
  }

  /** The counters of the next frame Lightning draws, after forcing a full redraw. */
  bench.paint = function (timeoutMs) {
    return new Promise(function (resolve) {
      var stage = bench.stage
      if (!stage) return resolve(null)
      var before = null
      var timer = setTimeout(function () {
        off()
        resolve(null)
      }, timeoutMs || 5000)
      var off = bench.onFrame(function (drew) {
        var gl = bench.gl()
        if (!drew || !before) {
          before = gl
          return
        }
        off()
        clearTimeout(timer)
        resolve(count(stage, { draws: gl.draws - before.draws, vertices: gl.vertices - before.vertices }))
      })
      // Armed between frames: the next frame records the GL counters before it, the one after draws.
      bench.onFrame(function once() {
        var i = bench.frameListeners.indexOf(once)
        if (i >= 0) bench.frameListeners.splice(i, 1)
        stage.forceRenderUpdate()
      })
    })
  }
})()
