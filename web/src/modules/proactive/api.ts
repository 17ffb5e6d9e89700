/** Calls of 我的待遇 / 可享政策; shapes from contracts/proactive.ts (dates arrive as strings). */
import type { Entitlement, Offer } from '../../../../contracts/proactive';
import type { Wire } from '../../../../contracts/wire';
import { getJson, sendJson } from '../../app/http';

export type EntitlementRow = Wire<Entitlement>;
export type OfferRow = Wire<Offer>;

export const entitlements = (signal?: AbortSignal) =>
  getJson<{ entitlements: EntitlementRow[] }>('/api/me/entitlements', undefined, signal).then((r) => r.entitlements);
export const offers = (signal?: AbortSignal) =>
  getJson<{ offersWanted: boolean; offers: OfferRow[] }>('/api/me/offers', undefined, signal);
export const answerOffer = (id: string, action: 'accept' | 'decline') =>
  sendJson<OfferRow>('POST', `/api/me/offers/${id}/${action}`, {});
export const declineGrant = (id: string) => sendJson<EntitlementRow>('POST', `/api/me/entitlements/${id}/decline`, {});
export const setOffersWanted = (offersWanted: boolean) =>
  sendJson<{ offersWanted: boolean }>('PUT', '/api/me/offer-preference', { offersWanted });
