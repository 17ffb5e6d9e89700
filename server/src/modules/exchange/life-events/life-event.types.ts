/** Life events (生命周期事件) as recorded by the department that sees them. */
import type { LifeEventType } from '../exchange.tables.js';

interface Common {
  /** The recording department's own reference (证明编号, 登记号…): recording it again is a no-op. */
  reference: string;
  occurredOn: string;
}

export type LifeEventInput =
  | (Common & { type: 'death'; idNumber: string })
  | (Common & { type: 'birth'; child: { idNumber: string; name: string }; motherIdNumber: string })
  | (Common & { type: 'marriage' | 'divorce'; idNumbers: [string, string] })
  | (Common & { type: 'relocation'; idNumber: string; regionCode: string; address: string })
  | (Common & {
      type: 'enterprise_established';
      creditCode: string;
      name: string;
      entityType: string;
      legalRepresentativeIdNumber: string;
      industry: string;
      businessScope: string;
      regionCode: string;
      address: string;
      registeredCapital: number | null;
    })
  | (Common & { type: 'enterprise_cancelled'; creditCode: string });

/** Which kinds of department may record which events (by catalogue category). */
export const RECORDERS: Record<LifeEventType, readonly string[]> = {
  birth: ['health', 'police'],
  death: ['health', 'police', 'civil'],
  marriage: ['civil'],
  divorce: ['civil'],
  relocation: ['police'],
  enterprise_established: ['market'],
  enterprise_cancelled: ['market'],
};

export const EVENT_NAMES: Record<LifeEventType, { zh: string; en: string }> = {
  birth: { zh: '出生', en: 'birth' },
  death: { zh: '死亡', en: 'death' },
  marriage: { zh: '结婚登记', en: 'marriage' },
  divorce: { zh: '离婚登记', en: 'divorce' },
  relocation: { zh: '迁居', en: 'relocation' },
  enterprise_established: { zh: '企业设立', en: 'enterprise established' },
  enterprise_cancelled: { zh: '企业注销', en: 'enterprise cancelled' },
};

/** What subscribers are told: the event, its subjects with their identifiers, and its facts. */
export interface LifeEventNotice {
  type: LifeEventType;
  occurredOn: string;
  persons: { idNumber: string; name: string }[];
  enterprise: { creditCode: string; name: string } | null;
  facts: Record<string, string | number | null>;
}
