/**
 * 受理通知书: the receipt the window prints when it accepts a case — the tracking code (全程一码),
 * the item, the applicant (a person's name masked), the accepting department, the date of
 * acceptance and the promised time limit in working days with the date it falls on, and a QR code
 * to the tracking page; sealed and signed like the decision. For the applicant and staff in scope.
 */
import type { Actor } from '../../../platform/context.js';
import { conflict } from '../../../platform/errors.js';
import { maskName } from '../../../platform/privacy/index.js';
import { beijingDate } from '../../../platform/calendar/beijing.js';
import type { CasesDeps } from '../cases.deps.js';
import { chineseDate, publishedItem, sealedCaseDocument, visibleCase } from './case-documents.js';

export async function acceptanceReceipt(
  deps: CasesDeps,
  actor: Actor,
  caseId: string,
): Promise<{ pdf: Uint8Array; fileName: string }> {
  const c = await visibleCase(deps, actor, caseId);
  if (!c.acceptedOn || c.status === 'not_accepted') {
    throw conflict(
      'CASES.NOT_ACCEPTED_YET',
      { zh: '办件尚未受理，没有受理通知书', en: 'The case has not been accepted: there is no acceptance receipt' },
      [],
      { status: c.status },
    );
  }
  const item = await publishedItem(deps, c.itemCode);
  const issuer = item?.department.name ?? '审批机关';
  // An enterprise is named in full; a person only as much as recognises them.
  const applicant = c.applicantEnterpriseId ? c.applicantName : maskName(c.applicantName);
  const limit = c.promisedDays === 0 ? '即办（当场办结）' : `${c.promisedDays}个工作日`;
  const pdf = await sealedCaseDocument(deps, c, item?.region.name ?? c.regionCode, {
    issuer,
    title: '受理通知书',
    number: `全程一码 ${c.trackingCode}`,
    addressee: applicant,
    paragraphs: [
      `你（单位）于${chineseDate(beijingDate(c.submittedAt))}提出的“${c.itemName}”申请，经审查，申请材料齐全、符合法定形式，本机关决定予以受理。`,
      `本机关将在承诺时限内办结（依法需要听证、检验检测、专家评审等特别程序的时间不计入时限）。请凭全程一码或扫描下方二维码查询办理进度。`,
    ],
    rows: [
      ['办件编号', c.trackingCode],
      ['申请事项', c.itemName],
      ['申请人', applicant],
      ['受理部门', issuer],
      ['受理日期', chineseDate(c.acceptedOn)],
      ['承诺时限', limit],
      ...(c.dueOn ? ([['预计办结日期', chineseDate(c.dueOn)]] as [string, string][]) : []),
    ],
    dated: chineseDate(c.acceptedOn),
    sealPurpose: '行政审批专用章',
  });
  return { pdf, fileName: `受理通知书-${c.trackingCode}.pdf` };
}
