/**
 * 决定书: the written decision of a case, of the kind its item type calls for (decision-kind.ts):
 * 准予/不予行政许可决定书 or 不予受理决定书 for a 行政许可, 办结通知书 / 不予办理通知书 / 不予受理通知书
 * for every other type — with the applicant's rights to 行政复议 and 行政诉讼 where a decision is
 * unfavourable — generated from the case as a PDF for its applicant and for staff in scope,
 * numbered with the case's 文号, sealed by the deciding department and carrying a QR code to its
 * tracking page.
 */
import type { Actor } from '../../../platform/context.js';
import { conflict } from '../../../platform/errors.js';
import { beijingDate } from '../../../platform/calendar/beijing.js';
import type { CasesDeps } from '../cases.deps.js';
import { decisionKind } from '../process/decision-kind.js';
import { chineseDate, publishedItem, sealedCaseDocument, visibleCase } from './case-documents.js';

const DECIDED = ['approved', 'refused', 'not_accepted'] as const;
type Decided = (typeof DECIDED)[number];

/** Where an appeal of an unfavourable decision goes: the body one level up, and the courts. */
const RIGHTS =
  '如不服本决定，可以自收到本决定书之日起六十日内依法申请行政复议，或者在六个月内依法向人民法院提起行政诉讼。';
/** A public service is no administrative act: the applicant is told where to object instead. */
const OBJECTION = '如有异议，可以向本机关或者上级主管部门反映，也可以拨打12345政务服务便民热线。';

export async function decisionDocument(
  deps: CasesDeps,
  actor: Actor,
  caseId: string,
): Promise<{ pdf: Uint8Array; fileName: string }> {
  const c = await visibleCase(deps, actor, caseId);
  if (!(DECIDED as readonly string[]).includes(c.status) || !c.decisionNo || !c.decidedAt) {
    throw conflict(
      'CASES.NO_DECISION',
      { zh: '办件尚未作出决定，没有决定书', en: 'The case has no decision yet' },
      [],
      { status: c.status },
    );
  }
  const status = c.status as Decided;
  const item = await publishedItem(deps, c.itemCode);
  const kind = decisionKind(status, c.itemType ?? item?.itemType ?? null);
  const issuer = item?.department.name ?? '审批机关';
  // The law the decision rests on: the first title the guide's 设定依据 cites.
  const basis = (item && /《[^》]+》/.exec(item.legalBasis)?.[0]) ?? '有关法律法规';
  const submitted = chineseDate(beijingDate(c.submittedAt));
  const accepted = c.acceptedOn ? chineseDate(c.acceptedOn) : submitted;
  const applied = `你（单位）于${submitted}提出的“${c.itemName}”申请`;
  const rights = c.itemType === '20' ? OBJECTION : RIGHTS;
  const paragraphs = kind.licensing
    ? {
        approved: [
          `${applied}，本机关于${accepted}依法受理。经审查，申请符合法定条件、标准，根据${basis}的规定，决定准予行政许可。`,
          `许可结果以电子证照等形式送达，电子证照与纸质证照具有同等法律效力。`,
        ],
        refused: [
          `${applied}，本机关依法受理后经审查：${c.decisionNote ?? '申请不符合法定条件、标准'}。根据${basis}的规定，决定不予行政许可。`,
          RIGHTS,
        ],
        not_accepted: [
          `${applied}，经审查：${c.decisionNote ?? '申请事项依法不属于本机关职权范围'}。决定不予受理。`,
          RIGHTS,
        ],
      }[status]
    : {
        approved: [
          `${applied}，本机关于${accepted}受理。经审查，符合${basis}规定的办理条件，现已办结。`,
          `办理结果以电子证照、电子文书等形式送达，可凭全程一码查询。`,
        ],
        refused: [
          `${applied}，本机关受理后经审查：${c.decisionNote ?? '不符合办理条件'}。根据${basis}的规定，决定不予办理。`,
          rights,
        ],
        not_accepted: [
          `${applied}，经审查：${c.decisionNote ?? '申请事项不属于本机关办理范围'}。决定不予受理。`,
          rights,
        ],
      }[status];
  const pdf = await sealedCaseDocument(deps, c, item?.region.name ?? c.regionCode, {
    issuer,
    title: kind.title,
    number: c.decisionNo,
    addressee: c.applicantName,
    paragraphs,
    dated: chineseDate(beijingDate(c.decidedAt)),
    sealPurpose: kind.licensing ? '行政许可专用章' : '政务服务专用章',
  });
  return { pdf, fileName: `${kind.title}-${c.trackingCode}.pdf` };
}
