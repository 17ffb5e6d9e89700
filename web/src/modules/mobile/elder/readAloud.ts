/** Read-aloud through the browser's speech synthesis (Web Speech API): no service, no download. */

const MAX_CHARS = 4000;

/** The page's main text as a person sees it: the `<main>` landmark's rendered text, whitespace collapsed. */
export function mainText(): string {
  const main = document.querySelector('main');
  return (main?.innerText ?? '').replace(/\s+/g, ' ').trim().slice(0, MAX_CHARS);
}

export const canSpeak = (): boolean => typeof window !== 'undefined' && 'speechSynthesis' in window;

/** Reads `text` aloud in `lang` (a little slower than usual), replacing whatever was being read; `onEnd` when done. */
export function speak(text: string, lang: 'zh-CN' | 'en', onEnd: () => void): void {
  window.speechSynthesis.cancel();
  const utterance = new SpeechSynthesisUtterance(text);
  utterance.lang = lang === 'en' ? 'en-US' : 'zh-CN';
  utterance.rate = 0.9;
  utterance.onend = onEnd;
  utterance.onerror = onEnd;
  window.speechSynthesis.speak(utterance);
}

export function stopSpeaking(): void {
  if (canSpeak()) window.speechSynthesis.cancel();
}
