import { useCallback, useEffect, useRef, useState } from 'react';

/** The part of the Web Speech API the panel uses (Chromium ships it as webkitSpeechRecognition). */
interface Recognition {
  lang: string;
  interimResults: boolean;
  onresult: ((e: { results: ArrayLike<ArrayLike<{ transcript: string }>> }) => void) | null;
  onend: (() => void) | null;
  onerror: (() => void) | null;
  start(): void;
  stop(): void;
}
type RecognitionClass = new () => Recognition;

function recognitionClass(): RecognitionClass | undefined {
  const w = window as unknown as { SpeechRecognition?: RecognitionClass; webkitSpeechRecognition?: RecognitionClass };
  return w.SpeechRecognition ?? w.webkitSpeechRecognition;
}

/** Voice input where the browser offers it: `supported` false hides the button. */
export function useSpeech(onText: (text: string) => void) {
  const [listening, setListening] = useState(false);
  const recognition = useRef<Recognition | null>(null);
  const supported = recognitionClass() !== undefined;
  useEffect(
    () => () => {
      recognition.current?.stop();
    },
    [],
  );
  const start = useCallback(() => {
    const Class = recognitionClass();
    if (!Class) return;
    const r = new Class();
    r.lang = 'zh-CN';
    r.interimResults = false;
    r.onresult = (e) => {
      const text = Array.from(e.results)
        .map((alternatives) => alternatives[0]?.transcript ?? '')
        .join('');
      if (text.trim()) onText(text.trim());
    };
    r.onend = () => setListening(false);
    r.onerror = () => setListening(false);
    recognition.current = r;
    setListening(true);
    r.start();
  }, [onText]);
  const stop = useCallback(() => recognition.current?.stop(), []);
  return { supported, listening, start, stop };
}
