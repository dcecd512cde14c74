/**
 * The legacy bundle's entry (js/app.legacy.js, for engines without ES modules): the polyfills first,
 * then the same boot as the modern bundle. ES module evaluation order guarantees the first import's
 * body runs before any module of the second.
 */
import './platform/legacyPolyfills'
import './index'
