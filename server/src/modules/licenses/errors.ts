/** The module's stable error codes (LICENSES.*), with messages in Chinese and English. */
import { conflict, forbidden, notFound } from '../../platform/errors.js';

export const licenseNotFound = () =>
  notFound('LICENSES.NOT_FOUND', { zh: '证照不存在或无权查看', en: 'No such licence, or not yours to see' });

export const notIssuer = () =>
  forbidden('LICENSES.NOT_ISSUER', { zh: '仅发证机关可办理', en: 'Only the issuing department can do this' });

export const illegalStatus = (status: string, step: { zh: string; en: string }) =>
  conflict(
    'LICENSES.ILLEGAL_TRANSITION',
    {
      zh: `证照当前状态为「${STATUS_ZH[status] ?? status}」，不能${step.zh}`,
      en: `The licence is ${status}; cannot ${step.en}`,
    },
    [],
    { status },
  );

export const STATUS_ZH: Record<string, string> = {
  valid: '有效',
  suspended: '已中止',
  revoked: '已注销',
  superseded: '已被新版本替代',
  expired: '已过期',
  not_yet_valid: '尚未生效',
  tampered: '内容被篡改',
  unknown: '不存在',
};
