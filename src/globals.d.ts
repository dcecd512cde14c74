/** Replaced at build time: true in the development/preview build that starts msw's worker. */
declare const __MOCKS__: boolean
/** Replaced at build time with package.json's version. */
declare const __VERSION__: string
