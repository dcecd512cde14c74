/**
 * Read-aloud goes through the SDK's Announcer, which always asks for an en-US voice
 * (Speech.js: `lang = 'en-US'`, not configurable). Chinese text read by an English voice is noise,
 * so every utterance is given the app's language before it is spoken.
 */
export function speechSupported(): boolean {
  return typeof window !== 'undefined' && 'speechSynthesis' in window && typeof SpeechSynthesisUtterance === 'function'
}

export function useSpeechLanguage(lang: string): void {
  if (!speechSupported()) return
  const synth = window.speechSynthesis
  const speak = synth.speak.bind(synth)
  synth.speak = (utterance: SpeechSynthesisUtterance): void => {
    utterance.lang = lang
    speak(utterance)
  }
}
