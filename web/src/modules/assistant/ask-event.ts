/** Any page asks the assistant through one window event; the panel opens and asks. */
const ASK_EVENT = 'tongban:assistant-ask';

export function askFromPage(question: string): void {
  window.dispatchEvent(new CustomEvent<string>(ASK_EVENT, { detail: question }));
}

export function onAskFromPage(listener: (question: string) => void): () => void {
  const handle = (e: Event) => listener((e as CustomEvent<string>).detail);
  window.addEventListener(ASK_EVENT, handle);
  return () => window.removeEventListener(ASK_EVENT, handle);
}

/** The questions a guide page offers as chips, sent in Chinese (what the assistant reads). */
export const QUICK_QUESTIONS = {
  materials: '要带什么材料？',
  fees: '要多少钱？',
  timeLimit: '要多久？',
  online: '能网上办吗？',
  placeTime: '在哪里办？',
} as const;
