/**
 * Answers composed from a published guide's fields, one aspect at a time: a lead sentence and the
 * lines it lists, every one a template of grounding.ts filled with the guide's own text.
 */
import type { Aspect, GuideSection } from '../../../../contracts/assistant.js';
import type { Item } from '../../../../contracts/catalog.js';
import { DELIVERY_NAMES, DEPTH_NAMES, FORM_NAMES, NECESSITY_NAMES, say } from './grounding.js';

export interface Composed {
  section: GuideSection;
  lead: string;
  lines: string[];
}

const list = (names: readonly string[]) => names.join('、');

function materials(item: Item): Composed {
  const lines = item.materials.map((m) => {
    if (m.licenseType || m.sharedData) return say('materialHeld', m.name);
    return m.necessity === 'required'
      ? say('material', m.name, m.originals, m.copies)
      : say('materialNote', m.name, m.originals, m.copies, NECESSITY_NAMES[m.necessity]!);
  });
  return { section: 'materials', lead: say('materials', item.name), lines };
}

function timeLimit(item: Item): Composed {
  const lead =
    item.promisedLimitDays === 0
      ? say('timeLimitNow', item.name, item.legalLimitDays)
      : say('timeLimit', item.name, item.legalLimitDays, item.promisedLimitDays);
  return { section: 'timeLimit', lead, lines: [] };
}

function fees(item: Item): Composed {
  if (item.fees.length === 0) return { section: 'fees', lead: say('feesNone', item.name), lines: [] };
  return {
    section: 'fees',
    lead: say('fees', item.name),
    lines: item.fees.map((f) => (f.waivable ? say('feeWaivable', f.name, f.standard) : say('fee', f.name, f.standard))),
  };
}

function online(item: Item): Composed {
  const forms = item.handlingForms.filter((f) => f === '2' || f === '3');
  if (forms.length === 0 || !item.onlineDepth.some((d) => d >= 4)) {
    return { section: 'online', lead: say('onlineNo', item.name), lines: [] };
  }
  return {
    section: 'online',
    lead: say('onlineYes', item.name, list(forms.map((f) => FORM_NAMES[f]!))),
    lines: [say('onlineDepth', list(item.onlineDepth.map((d) => DEPTH_NAMES[d]!)))],
  };
}

function visits(item: Item): Composed {
  if (item.visits === 0) return { section: 'visits', lead: say('visitsNone', item.name), lines: [] };
  return {
    section: 'visits',
    lead: say('visits', item.name, item.visits),
    lines: item.visitReason ? [say('visitReason', item.visitReason)] : [],
  };
}

const COMPOSERS: Record<Aspect, (item: Item) => Composed> = {
  materials,
  conditions: (item) => ({ section: 'conditions', lead: say('conditions', item.name), lines: [...item.conditions] }),
  placeTime: (item) => ({
    section: 'placeTime',
    lead: say('placeLead', item.name, item.department.name),
    lines: [say('place', item.venue), say('hours', item.hours)],
  }),
  timeLimit,
  fees,
  process: (item) => ({
    section: 'process',
    lead: say('process', item.name),
    lines: item.processSteps.map((s) =>
      s.days > 0 ? say('stepDays', s.name, s.days, s.description) : say('step', s.name, s.description),
    ),
  }),
  online,
  visits,
  result: (item) => ({
    section: 'result',
    lead: say('result', item.result.name),
    lines: [say('delivery', list(item.deliveryMethods.map((d) => DELIVERY_NAMES[d]!)))],
  }),
  phone: (item) => ({
    section: 'phone',
    lead: say('phoneLead', item.name, item.department.name),
    lines: [say('consult', item.consultPhone), say('complaint', item.complaintPhone)],
  }),
  provinceWide: (item) => ({
    section: 'provinceWide',
    lead: item.provinceWide ? say('provinceWideYes', item.name) : say('provinceWideNo', item.name, item.venue),
    lines: [],
  }),
};

/** The answer to one aspect of an item. */
export const composeAspect = (item: Item, aspect: Aspect): Composed => COMPOSERS[aspect](item);

/** No aspect asked: the guide's summary and the figures people ask first. */
export function composeSummary(item: Item): Composed {
  return {
    section: 'summary',
    lead: item.summary ? say('summary', item.name, item.summary) : say('summaryName', item.name),
    lines: [say('summaryLimit', item.promisedLimitDays), say('summaryVisits', item.visits)],
  };
}

/** The aspects where the region matters: the place, the hours and the phones differ by region. */
export const REGIONAL_ASPECTS: ReadonlySet<Aspect> = new Set(['placeTime', 'phone']);
