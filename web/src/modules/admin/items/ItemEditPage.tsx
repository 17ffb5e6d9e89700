import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageLoading } from '../../../ui/PageLoading';
import { ProblemAlert } from '../../../ui/ProblemAlert';
import { useDocumentTitle } from '../../../ui/useDocumentTitle';
import {
  getAdminItem,
  saveGuide,
  transitionItem,
  type AdminItem,
  type AdminItemDetail,
  type ItemGuide,
  type ItemTransition,
} from '../api';
import { formatDateTime, PageHeader, ProblemList, StatusTag, useStaff } from '../bits';
import { useEnglish } from '../../../ui/useEnglish';
import { applyFieldProblems, fieldProblems, type FieldProblem } from '../../../ui/problems';
import { GuideForm } from './GuideForm';

/** The editable guide inside an item as the admin API returns it (its latest version). */
function guideOf(item: AdminItem): ItemGuide {
  const {
    code: _code,
    department: _d,
    region: _r,
    status: _s,
    version: _v,
    lists: _l,
    publishedAt: _p,
    ...guide
  } = item;
  return guide as ItemGuide;
}

function Workflow({ detail, onDone }: { detail: AdminItemDetail; onDone: (message: string) => void }) {
  const { t } = useTranslation('admin');
  const me = useStaff();
  const queryClient = useQueryClient();
  const [comment, setComment] = useState('');
  const { item } = detail;
  const status = item.status as AdminItemDetail['versions'][number]['status'];
  const author = detail.versions.find((v) => v.version === item.version)?.createdBy;
  const isAdmin = me.roles.includes('catalog_admin');
  const isReviewer = me.roles.includes('catalog_reviewer');
  const step = useMutation({
    mutationFn: (s: ItemTransition) => transitionItem(item.code, s, comment.trim()),
    onSuccess: (result, s) => {
      setComment('');
      onDone(t(`workflow.done.${s}`, { version: result.version }));
      void queryClient.invalidateQueries({ queryKey: ['admin', 'items'] });
    },
  });
  const needsNote = (s: ItemTransition) => (s === 'reject' || s === 'retire') && comment.trim() === '';
  const actions: { step: ItemTransition; primary?: boolean; danger?: boolean }[] = [
    ...(isAdmin && status === 'draft' ? [{ step: 'submit' as const, primary: true }] : []),
    ...(isReviewer && status === 'in_review' && author !== me.id
      ? [{ step: 'approve' as const, primary: true }, { step: 'reject' as const }]
      : []),
    ...(isAdmin && detail.publishedVersion !== null ? [{ step: 'retire' as const, danger: true }] : []),
  ];

  return (
    <section className="tb-panel tb-admin-workflow" aria-labelledby="tb-admin-workflow-title">
      <h2 id="tb-admin-workflow-title">{t('workflow.title')}</h2>
      <dl className="tb-admin-facts">
        <div>
          <dt>{t('items.status')}</dt>
          <dd>
            <StatusTag status={status} />
          </dd>
        </div>
        <div>
          <dt>{t('items.version')}</dt>
          <dd>{item.version}</dd>
        </div>
        <div>
          <dt>{t('workflow.published')}</dt>
          <dd>
            {detail.publishedVersion === null
              ? t('workflow.notPublished')
              : t('items.publishedVersion', { version: detail.publishedVersion })}
          </dd>
        </div>
      </dl>
      {status === 'in_review' && isReviewer && author === me.id ? (
        <Alert type="info" showIcon title={t('workflow.ownVersion')} />
      ) : null}
      {status === 'in_review' && isAdmin && !isReviewer ? (
        <p className="tb-admin-muted">{t('workflow.waitingReview')}</p>
      ) : null}
      {actions.length > 0 ? (
        <>
          <Form.Item
            label={t('workflow.comment')}
            htmlFor="tb-admin-workflow-comment"
            extra={t('workflow.commentHelp')}
            className="tb-admin-comment"
          >
            <Input.TextArea
              id="tb-admin-workflow-comment"
              value={comment}
              maxLength={1000}
              autoSize={{ minRows: 2, maxRows: 5 }}
              onChange={(e) => setComment(e.target.value)}
            />
          </Form.Item>
          {step.isError ? <ProblemAlert error={step.error} /> : null}
          <div className="tb-admin-actions">
            {actions.map((a) => (
              <Button
                key={a.step}
                type={a.primary ? 'primary' : 'default'}
                danger={a.danger}
                loading={step.isPending && step.variables === a.step}
                disabled={needsNote(a.step)}
                onClick={() => step.mutate(a.step)}
              >
                {t(`workflow.${a.step}`)}
              </Button>
            ))}
          </div>
        </>
      ) : null}
    </section>
  );
}

function History({ detail }: { detail: AdminItemDetail }) {
  const { t } = useTranslation('admin');
  const en = useEnglish();
  return (
    <section className="tb-panel" aria-labelledby="tb-admin-history-title">
      <h2 id="tb-admin-history-title">{t('history.title')}</h2>
      <ol className="tb-admin-history">
        {[...detail.history].reverse().map((h, i) => (
          <li key={`${h.at}-${i}`}>
            <span className="tb-admin-muted">{formatDateTime(h.at, en)}</span>{' '}
            {t('history.entry', { version: h.version, action: h.action })}
            {h.comment ? <span>（{h.comment}）</span> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}

/** One item: its publishing workflow, the guide editor (on the latest version) and the history. */
export function ItemEditPage() {
  const { t } = useTranslation('admin');
  const { code = '' } = useParams();
  const me = useStaff();
  const queryClient = useQueryClient();
  const [form] = Form.useForm();
  const [announcement, setAnnouncement] = useState('');
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const detail = useQuery({
    queryKey: ['admin', 'items', 'detail', code],
    queryFn: ({ signal }) => getAdminItem(code, signal),
    staleTime: 0,
  });
  useDocumentTitle(detail.data?.item.name ?? t('items.title'));
  const guide = useMemo(() => (detail.data ? guideOf(detail.data.item) : undefined), [detail.data]);
  useEffect(() => {
    if (guide) form.resetFields();
  }, [guide, form]);

  const save = useMutation({
    mutationFn: (g: ItemGuide) => saveGuide(code, g),
    onSuccess: (result) => {
      setProblems([]);
      setAnnouncement(t('guide.saved', { version: result.version }));
      void queryClient.invalidateQueries({ queryKey: ['admin', 'items'] });
    },
    onError: (error) => {
      const all = fieldProblems(error);
      applyFieldProblems(form, all);
      setProblems(all);
    },
  });

  if (detail.isPending) return <PageLoading />;
  if (detail.isError) return <ProblemAlert error={detail.error} onRetry={() => void detail.refetch()} />;
  const { item } = detail.data;
  const editable = me.roles.includes('catalog_admin') && item.status !== 'in_review';

  return (
    <>
      <PageHeader title={item.name}>
        <p className="tb-admin__lead">
          <span className="tb-admin-code">{item.code}</span> · {item.department.name} · {item.region.name}
          {detail.data.publishedVersion !== null ? (
            <>
              {' · '}
              <Link to={`/items/${item.code}`}>{t('items.viewOnPortal')}</Link>
            </>
          ) : null}
        </p>
        <p>
          <Link to="/admin/items">{t('items.back')}</Link>
        </p>
      </PageHeader>
      <p role="status" aria-live="polite" className="tb-admin-announce">
        {announcement}
      </p>
      <Workflow
        detail={detail.data}
        onDone={(m) => {
          setAnnouncement(m);
          void detail.refetch();
        }}
      />
      <section aria-labelledby="tb-admin-guide-title" className="tb-admin-section">
        <h2 id="tb-admin-guide-title">{t('guide.title')}</h2>
        {!editable ? (
          <p className="tb-admin-muted">
            {item.status === 'in_review' ? t('guide.lockedInReview') : t('guide.readOnly')}
          </p>
        ) : null}
        {item.status === 'published' && editable ? <p className="tb-admin-muted">{t('guide.newDraftNote')}</p> : null}
        {save.isError && problems.length === 0 ? <ProblemAlert error={save.error} /> : null}
        <ProblemList problems={problems} title={t('guide.problems', { count: problems.length })} />
        {guide ? (
          <GuideForm
            form={form}
            guide={guide}
            disabled={!editable}
            onFinish={() => {
              setAnnouncement('');
              save.mutate({ ...guide, ...(form.getFieldsValue(true) as Partial<ItemGuide>) });
            }}
          />
        ) : null}
        {editable ? (
          <div className="tb-admin-actions tb-admin-sticky">
            <Button type="primary" loading={save.isPending} onClick={() => form.submit()}>
              {t('guide.save')}
            </Button>
            <Button onClick={() => form.resetFields()}>{t('guide.reset')}</Button>
          </div>
        ) : null}
      </section>
      <History detail={detail.data} />
    </>
  );
}

export default ItemEditPage;
