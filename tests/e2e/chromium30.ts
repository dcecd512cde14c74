/**
 * Makes a current Chromium look like Android 4.4's system WebView (Chromium 30) before any page script
 * runs: what that engine lacks is taken away, and a WebGL context is refused while the interface stays
 * (the harder case: Lightning only falls back by itself when the interface is missing).
 * The list follows the engine's real gaps (MDN's compatibility data for Chrome 30); each line names one.
 */

/** Globals Chromium 30 does not have. */
export const MISSING_GLOBALS = [
  'Promise',
  'Map',
  'Set',
  'WeakMap',
  'WeakSet',
  'Symbol',
  'Reflect',
  'Proxy',
  'globalThis',
  'fetch',
  'Headers',
  'Request',
  'Response',
  'AbortController',
  'AbortSignal',
  'URLSearchParams',
  'requestIdleCallback',
  'cancelIdleCallback',
  'TextEncoder',
  'TextDecoder',
  'queueMicrotask',
  'structuredClone',
] as const

/** Static and prototype members Chromium 30 does not have, as [owner expression, member]. */
export const MISSING_MEMBERS: readonly (readonly [string, string])[] = [
  // Number.EPSILON, MAX_SAFE_INTEGER and MIN_SAFE_INTEGER are non-configurable: they cannot be taken away.
  ...['isInteger', 'isFinite', 'isNaN', 'isSafeInteger', 'parseFloat', 'parseInt'].map(
    (m) => ['Number', m] as const,
  ),
  ...['assign', 'setPrototypeOf', 'is', 'entries', 'values', 'fromEntries', 'getOwnPropertySymbols', 'getOwnPropertyDescriptors'].map(
    (m) => ['Object', m] as const,
  ),
  ...['trunc', 'sign', 'log2', 'log10', 'hypot', 'cbrt', 'expm1', 'log1p', 'fround', 'imul', 'clz32', 'cosh', 'sinh', 'tanh', 'acosh', 'asinh', 'atanh'].map(
    (m) => ['Math', m] as const,
  ),
  ['Array', 'from'],
  ['Array', 'of'],
  ...['find', 'findIndex', 'fill', 'includes', 'keys', 'values', 'entries', 'copyWithin', 'flat', 'flatMap', 'at', 'findLast', 'findLastIndex'].map(
    (m) => ['Array.prototype', m] as const,
  ),
  ['String', 'fromCodePoint'],
  ['String', 'raw'],
  ...['includes', 'startsWith', 'endsWith', 'repeat', 'padStart', 'padEnd', 'codePointAt', 'normalize', 'trimStart', 'trimEnd', 'matchAll', 'replaceAll', 'at'].map(
    (m) => ['String.prototype', m] as const,
  ),
]

/** The init script's source: plain ES5, run by Playwright before the page's own scripts. */
export function chromium30InitScript(): string {
  return `(function () {
  var globals = ${JSON.stringify(MISSING_GLOBALS)};
  for (var i = 0; i < globals.length; i++) {
    try { delete window[globals[i]]; } catch (e) {}
    if (window[globals[i]] !== undefined) { try { window[globals[i]] = undefined; } catch (e) {} }
  }
  var members = ${JSON.stringify(MISSING_MEMBERS)};
  for (var j = 0; j < members.length; j++) {
    var owner = eval(members[j][0]);
    try { delete owner[members[j][1]]; } catch (e) {}
  }
  // Chromium 30's URL is webkitURL: createObjectURL and revokeObjectURL only, not a constructor.
  var NativeURL = window.URL;
  var OldURL = function URL() { throw new TypeError('Illegal constructor'); };
  OldURL.createObjectURL = function (blob) { return NativeURL.createObjectURL(blob); };
  OldURL.revokeObjectURL = function (url) { return NativeURL.revokeObjectURL(url); };
  window.URL = OldURL;
  window.webkitURL = OldURL;
  // The interface stays, a context is refused: a WebView built without WebGL or a blocklisted GPU.
  var getContext = HTMLCanvasElement.prototype.getContext;
  HTMLCanvasElement.prototype.getContext = function (kind) {
    if (/webgl/i.test(String(kind))) return null;
    return getContext.apply(this, arguments);
  };
  window.__chromium30 = { stillPresent: ${stillPresentExpression()} };
})();`
}

/** Every gap the init script opened, checked from the page: the names of the ones still present. */
export function stillPresentExpression(): string {
  return `(function () {
  var present = [];
  var globals = ${JSON.stringify(MISSING_GLOBALS)};
  for (var i = 0; i < globals.length; i++) if (window[globals[i]] !== undefined) present.push(globals[i]);
  var members = ${JSON.stringify(MISSING_MEMBERS)};
  for (var j = 0; j < members.length; j++) if (eval(members[j][0])[members[j][1]] !== undefined) present.push(members[j][0] + '.' + members[j][1]);
  try { new URL('http://a/'); present.push('new URL()'); } catch (e) {}
  var canvas = document.createElement('canvas');
  if (canvas.getContext('webgl') || canvas.getContext('experimental-webgl')) present.push('WebGL context');
  return present;
})()`
}
