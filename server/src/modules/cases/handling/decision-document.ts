/**
 * 决定书: the written decision of a case — 准予行政许可决定书, 不予行政许可决定书 (with the
 * applicant's rights to 行政复议 and 行政诉讼) or 不予受理决定书 — generated from the case as a PDF for
 * its applicant and for staff in scope, numbered with the case's 决定书文号 and carrying a QR code to
 * its tracking page.
 */
import type { Actor } from '../../../platform/context.js';
import { conflict } from '../../../platform/errors.js';
import { officialDocumentPdf } from '../../../platform/documents/index.js';
import { beijingDate } from '../../../platform/calendar/beijing.js';
import type { CasesDeps } from '../cases.deps.js';
import { kq } from '../cases.tables.js';
import { canSee, caseNotFound } from './access.js';

const TITLES = { approved: '准予行政许可决定书', refused: '不予行政许可决定书', not_accepted: '不予受理决定书' } as const;
type Decided = keyof typeof TITLES;

const chineseDate = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
};

/** Where an appeal of an unfavourable decision goes: the body one level up, and the courts. */
const RIGHTS = '如不服本决定，可以自收到本决定书之日起六十日内依法申请行政复议，或者在六个月内依法向人民法院提起行政诉讼。';

export async function decisionDocument(deps: CasesDeps, actor: Actor, caseId: string): Promise<{ pdf: Uint8Array; fileName: string }> {
  const c = await kq(deps.db).selectFrom('cases.case').selectAll().where('id', '=', caseId).executeTakeFirst();
  if (!c || !canSee(actor, c)) throw caseNotFound(caseId);
  if (!(c.status in TITLES) || !c.decisionNo || !c.decidedAt) {
    throw conflict('CASES.NO_DECISION', { zh: '办件尚未作出决定，没有决定书', en: 'The case has no decision yet' }, [], { status: c.status });
  }
  const status = c.status as Decided;
  // The item as published now names the department and the legal basis; a retired item keeps its name.
  const item = await deps.processes.get(c.itemCode).then((p) => p.item).catch(() => undefined);
  const issuer = item?.department.name ?? '审批机关';
  // The law the decision rests on: the first title the guide's 设定依据 cites.
  const basis = (item && /《[^》]+》/.exec(item.legalBasis)?.[0]) ?? '有关法律法规';
  const submitted = chineseDate(beijingDate(c.submittedAt));
  const paragraphs =
    status === 'approved'
      ? [
          `你（单位）于${submitted}提出的“${c.itemName}”申请，本机关于${c.acceptedOn ? chineseDate(c.acceptedOn) : submitted}依法受理。经审查，申请符合法定条件、标准，根据${basis}的规定，决定准予行政许可。`,
          `许可结果以电子证照等形式送达，电子证照与纸质证照具有同等法律效力。`,
        ]
      : status === 'refused'
        ? [`你（单位）于${submitted}提出的“${c.itemName}”申请，本机关依法受理后经审查：${c.decisionNote ?? '申请不符合法定条件、标准'}。根据${basis}的规定，决定不予行政许可。`, RIGHTS]
        : [`你（单位）于${submitted}提出的“${c.itemName}”申请，经审查：${c.decisionNote ?? '申请事项依法不属于本机关职权范围'}。决定不予受理。`, RIGHTS];
  const pdf = await officialDocumentPdf({
    issuer,
    title: TITLES[status],
    number: c.decisionNo,
    addressee: c.applicantName,
    paragraphs,
    dated: chineseDate(beijingDate(c.decidedAt)),
    qr: { url: `${deps.publicUrl}/track/${c.trackingCode}`, caption: `全程一码 ${c.trackingCode}` },
  });
  return { pdf, fileName: `${TITLES[status]}-${c.trackingCode}.pdf` };
}
