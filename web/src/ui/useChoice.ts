import { useState } from 'react';

/**
 * A choice among radios that is saved by a request: it shows at once and stays until the saved
 * value changes or the save fails (`drop`). Without it a controlled radio flips back for a moment
 * after the click, because the request's pending state reaches React a tick later, and a person (or
 * a browser journey reading the radio right after its click) sees the old choice.
 */
export function useChoice<T>(saved: T) {
  const [chosen, setChosen] = useState<{ value: T; over: T } | null>(null);
  return {
    shown: chosen && chosen.over === saved ? chosen.value : saved,
    choose: (value: T) => setChosen({ value, over: saved }),
    drop: () => setChosen(null),
  };
}
