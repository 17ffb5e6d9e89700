/**
 * The ID card reader (居民身份证阅读器) behind one interface. Browsers cannot reach a USB reader,
 * so a terminal runs a small local bridge next to the reader's SDK; the portal polls it:
 *
 *   GET {bridge}/card  → 204 while no card is on the reader,
 *                      → 200 {"idNumber": "…", "name": "…"} once one is read (the bridge forgets it
 *                        after answering, so a card is read once per placement).
 *
 * The bridge must send `Access-Control-Allow-Origin` for the portal's origin; the server's
 * `KIOSK_CARD_BRIDGE` setting lists it in the CSP's `connect-src`. Tests and demonstrations use
 * {@link SimulatedCardReader}.
 */

export interface IdCard {
  idNumber: string;
  name: string;
}

export interface CardReader {
  /** Resolves with the next card placed on the reader; rejects with an AbortError when `signal` aborts. */
  read(signal: AbortSignal): Promise<IdCard>;
}

const aborted = () => new DOMException('card read cancelled', 'AbortError');

/** A reader that "reads" the card someone presents through {@link present} (the kiosk's simulator panel). */
export class SimulatedCardReader implements CardReader {
  private waiting: ((card: IdCard) => void) | undefined;

  read(signal: AbortSignal): Promise<IdCard> {
    return new Promise((resolve, reject) => {
      if (signal.aborted) return reject(aborted());
      signal.addEventListener('abort', () => {
        this.waiting = undefined;
        reject(aborted());
      });
      this.waiting = resolve;
    });
  }

  /** Places a card on the simulated reader; answers whether a read was waiting for it. */
  present(card: IdCard): boolean {
    const waiting = this.waiting;
    this.waiting = undefined;
    waiting?.(card);
    return Boolean(waiting);
  }
}

/** The terminal's local bridge, polled once a second. */
export class BridgeCardReader implements CardReader {
  constructor(
    private readonly url: string,
    private readonly pollMs = 1000,
  ) {}

  async read(signal: AbortSignal): Promise<IdCard> {
    for (;;) {
      const res = await fetch(`${this.url}/card`, { signal, cache: 'no-store' });
      if (res.status === 200) {
        const card = (await res.json()) as Partial<IdCard>;
        if (typeof card.idNumber === 'string' && typeof card.name === 'string')
          return { idNumber: card.idNumber, name: card.name };
        throw new Error('the card bridge answered without idNumber and name');
      }
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(resolve, this.pollMs);
        signal.addEventListener('abort', () => {
          clearTimeout(timer);
          reject(aborted());
        });
      });
    }
  }
}

let simulator: SimulatedCardReader | undefined;

/** The reader the terminal is configured with (one simulator per page, shared with its panel). */
export function cardReaderFor(config: { reader: 'simulator' | 'bridge'; bridgeUrl?: string }): CardReader {
  if (config.reader === 'bridge' && config.bridgeUrl) return new BridgeCardReader(config.bridgeUrl);
  simulator ??= new SimulatedCardReader();
  return simulator;
}

export const isSimulator = (reader: CardReader): reader is SimulatedCardReader => reader instanceof SimulatedCardReader;
