import { Button, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge } from '../../../ui/Badge';
import type { CaseDetail } from '../../cases';
import { useEnglish } from '../../../ui/useEnglish';
import { shortDate } from '../../../ui/format';
import { useCaseStep, useMaterials } from '../../cases';
import { approveAnotherNotice, type CompletenessBag } from '../../cases';
import { ProblemAlert } from '../../../ui/ProblemAlert';

/** A department head approves one more 一次性告知, with a reason (the server records it). */
function AnotherNoticeForm({ caseId, onDone }: { caseId: string; onDone: (message: string) => void }) {
  const { t } = useTranslation('completeness');
  const approve = useCaseStep((reason: string) => approveAnotherNotice(caseId, reason));
  return (
    <div className="tb-case-action">
      <h3>{t('review.approveTitle')}</h3>
      <p className="tb-muted">{t('review.approveHelp')}</p>
      {approve.error ? <ProblemAlert error={approve.error} /> : null}
      <Form
        layout="vertical"
        requiredMark={false}
        aria-label={t('review.approveTitle')}
        onFinish={(v: { reason: string }) =>
          approve.mutate(v.reason.trim(), { onSuccess: () => onDone(t('review.approved')) })
        }
      >
        <Form.Item
          name="reason"
          label={t('review.reason')}
          rules={[{ required: true, whitespace: true, message: t('review.reasonRequired') }]}
        >
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
        <Button autoInsertSpace={false} htmlType="submit" loading={approve.isPending}>
          {t('review.approve')}
        </Button>
      </Form>
    </div>
  );
}

/**
 * What the window and the departments need to judge completeness: required materials still
 * missing, the latest 一次性告知 with the applicant's 补正 note, the materials brought or replaced
 * since (marked 新), open 容缺 promises with their due dates, and — for a department head — the
 * approval of another notice.
 */
export function SupplementReview({
  c,
  isHead,
  onDone,
}: {
  c: CaseDetail;
  isHead: boolean;
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation('completeness');
  const { t: tt } = useTranslation();
  const en = useEnglish();
  const bag = useMaterials(c.id);
  if (!bag.data) return null;
  const b = bag.data as CompletenessBag;
  const s = b.supplement ?? null;
  const fresh = b.materials.filter((m) => m.provided?.isNew);
  const promises = b.materials.filter((m) => m.provided?.kind === 'promise');
  return (
    <section className="tb-panel tb-case-section" aria-labelledby="work-completeness" data-testid="supplement-review">
      <h2 id="work-completeness">{t('review.title')}</h2>
      <p className={b.missingRequired.length ? 'tb-case-missing' : 'tb-text-green'}>
        {b.missingRequired.length
          ? t('review.missing', { names: b.missingRequired.join(tt('app.listSep')) })
          : t('review.complete')}
      </p>
      {s ? (
        <div className="tb-case-action">
          <h3>{t('review.notice', { n: s.notices })}</h3>
          <dl className="tb-facts">
            <div className="tb-facts__row">
              <dt>{t('review.noticeOn')}</dt>
              <dd>{shortDate(s.requestedAt, en)}</dd>
            </div>
            <div className="tb-facts__row">
              <dt>{t('review.noticeItems')}</dt>
              <dd>{s.items.join(tt('app.listSep'))}</dd>
            </div>
            <div className="tb-facts__row">
              <dt>{t('review.reply')}</dt>
              <dd data-testid="supplement-reply">
                {s.reply ? s.reply.note || t('review.emptyNote') : t('review.noReply')}
              </dd>
            </div>
            <div className="tb-facts__row">
              <dt>{t('review.newSince')}</dt>
              <dd>
                {fresh.length === 0 ? t('review.none') : null}
                <ul className="tb-bullets">
                  {fresh.map((m) => (
                    <li key={m.index}>
                      <Badge tone="red">{t('review.new')}</Badge> {m.name}
                    </li>
                  ))}
                </ul>
              </dd>
            </div>
          </dl>
          {s.anotherNotice ? (
            <p className="tb-muted">{t('review.anotherApproved', { reason: s.anotherNotice.reason })}</p>
          ) : null}
        </div>
      ) : null}
      {promises.length ? (
        <div className="tb-case-action">
          <h3>{t('review.promises')}</h3>
          <ul className="tb-bullets">
            {promises.map((m) => (
              <li key={m.index}>
                {m.name}
                {tt('app.colon')}
                {m.provided?.overdue ? (
                  <Badge tone="red">{t('review.promiseOverdue', { due: m.provided.dueOn })}</Badge>
                ) : m.provided?.dueOn ? (
                  t('review.promiseDue', { due: m.provided.dueOn })
                ) : (
                  t('review.promiseUndated')
                )}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {isHead && s && !s.anotherNotice && c.status === 'submitted' ? (
        <AnotherNoticeForm caseId={c.id} onDone={onDone} />
      ) : null}
    </section>
  );
}
