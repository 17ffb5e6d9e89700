import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Checkbox, Form, Input, Radio, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { Announcement } from '../../ui/Announcement';
import { Badge } from '../../ui/Badge';
import { PageLoading } from '../../ui/PageLoading';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { useDepartments } from '../catalog';
import { PersonPage } from '../identity';
import * as api from './api';

const KEY = ['complaints', 'mine'];
/** 满意度, 5 (非常满意) to 1 (非常不满意). */
const LEVELS = { 5: 'veryGood', 4: 'good', 3: 'fair', 2: 'poor', 1: 'veryPoor' } as const;
type Level = keyof typeof LEVELS;

interface NewValues {
  kind: api.ComplaintKind;
  departmentId?: string;
  subject: string;
  content: string;
  hideIdentity?: boolean;
}

/** The form: about the case in the address (`?case=…&code=…`), or about a department chosen here. */
function NewComplaint({ onFiled }: { onFiled: (m: string) => void }) {
  const { t } = useTranslation('complaints');
  const [params] = useSearchParams();
  const caseId = params.get('case') ?? undefined;
  const departments = useDepartments(undefined, !caseId);
  const [form] = Form.useForm<NewValues>();
  const kind = Form.useWatch('kind', form);
  const queryClient = useQueryClient();
  const file = useMutation({
    mutationFn: (v: NewValues) =>
      api.fileComplaint({
        kind: v.kind,
        subject: v.subject.trim(),
        content: v.content.trim(),
        hideIdentity: v.kind === 'report' && Boolean(v.hideIdentity),
        ...(caseId ? { caseId } : { departmentId: v.departmentId }),
      }),
    onSuccess: (r) => {
      form.resetFields();
      onFiled(t('filed', { reference: r.reference, due: r.dueOn }));
      void queryClient.invalidateQueries({ queryKey: KEY });
    },
  });
  return (
    <section className="tb-panel" aria-labelledby="complaint-new">
      <h2 id="complaint-new">{t('new')}</h2>
      <Form
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{ kind: 'complaint' }}
        onFinish={(v) => file.mutate(v)}
        aria-labelledby="complaint-new"
      >
        {file.isError ? <ProblemAlert error={file.error} /> : null}
        <Form.Item name="kind" label={t('kind')}>
          <Radio.Group options={api.KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))} />
        </Form.Item>
        {caseId ? (
          <p>{t('aboutCase', { code: params.get('code') ?? '' })}</p>
        ) : (
          <Form.Item
            name="departmentId"
            label={t('department')}
            rules={[{ required: true, message: t('chooseDepartment') }]}
          >
            <Select
              showSearch
              optionFilterProp="label"
              loading={departments.isPending}
              options={(departments.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
              placeholder={t('chooseDepartment')}
            />
          </Form.Item>
        )}
        <Form.Item
          name="subject"
          label={t('subject')}
          rules={[{ required: true, whitespace: true, message: t('subjectRequired') }, { max: 100 }]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item
          name="content"
          label={t('content')}
          rules={[{ required: true, whitespace: true, message: t('contentRequired') }, { max: 4000 }]}
        >
          <Input.TextArea rows={4} maxLength={4000} />
        </Form.Item>
        {kind === 'report' ? (
          <Form.Item name="hideIdentity" valuePropName="checked">
            <Checkbox>{t('hideIdentity')}</Checkbox>
          </Form.Item>
        ) : null}
        <Button type="primary" htmlType="submit" loading={file.isPending} autoInsertSpace={false}>
          {t('submit')}
        </Button>
      </Form>
    </section>
  );
}

function CloseForm({ c, onDone }: { c: api.Complaint; onDone: (m: string) => void }) {
  const { t } = useTranslation('complaints');
  const [level, setLevel] = useState(5);
  const queryClient = useQueryClient();
  const close = useMutation({
    mutationFn: () => api.closeComplaint(c.id, level),
    onSuccess: () => {
      onDone(t('closed'));
      void queryClient.invalidateQueries({ queryKey: KEY });
    },
  });
  return (
    <div className="tb-complaint-close">
      {close.isError ? <ProblemAlert error={close.error} /> : null}
      <Radio.Group
        aria-label={`${t('satisfaction')} ${c.reference}`}
        value={level}
        onChange={(e) => setLevel(e.target.value as number)}
        options={([5, 4, 3, 2, 1] as Level[]).map((l) => ({ value: l, label: t(`levels.${LEVELS[l]}`) }))}
      />
      <Button onClick={() => close.mutate()} loading={close.isPending} autoInsertSpace={false}>
        {t('close')}
      </Button>
    </div>
  );
}

/** 投诉举报: my complaints with their answers, and a new one. */
export function ComplaintsPage() {
  const { t } = useTranslation('complaints');
  useDocumentTitle(t('title'));
  const [announcement, setAnnouncement] = useState('');
  return (
    <PersonPage className="tb-complaints">
      {() => (
        <>
          <h1>{t('title')}</h1>
          <p className="tb-muted">{t('lead')}</p>
          <Announcement>{announcement}</Announcement>
          <NewComplaint onFiled={setAnnouncement} />
          <MyComplaints onDone={setAnnouncement} />
        </>
      )}
    </PersonPage>
  );
}

function MyComplaints({ onDone }: { onDone: (m: string) => void }) {
  const { t } = useTranslation('complaints');
  const mine = useQuery({ queryKey: KEY, queryFn: ({ signal }) => api.myComplaints(signal) });
  if (mine.isPending) return <PageLoading rows={2} />;
  if (mine.isError) return <ProblemAlert error={mine.error} onRetry={() => void mine.refetch()} />;
  return (
    <section aria-labelledby="complaint-mine">
      <h2 id="complaint-mine">{t('mine')}</h2>
      {mine.data.length === 0 ? (
        <p>{t('none')}</p>
      ) : (
        <ul className="tb-case-list" aria-label={t('mine')}>
          {mine.data.map((c) => (
            <li key={c.id} className="tb-panel tb-case-card">
              <div className="tb-case-card__head">
                <h3>{c.subject}</h3>
                <Badge tone={c.status === 'open' ? 'orange' : c.status === 'answered' ? 'blue' : 'green'}>
                  {t(`states.${c.status}`)}
                </Badge>
              </div>
              <p className="tb-muted tb-small">
                {t(`kinds.${c.kind}`)} · {t('reference')} <span className="tb-code">{c.reference}</span> · {t('due')}{' '}
                {c.dueOn}
              </p>
              <p>{c.content}</p>
              {c.reply ? (
                <p>
                  <strong>{t('reply')}：</strong>
                  {c.reply}
                </p>
              ) : null}
              {c.status === 'answered' ? <CloseForm c={c} onDone={onDone} /> : null}
              {c.satisfaction ? (
                <p className="tb-muted tb-small">
                  {t('satisfaction')}：{t(`levels.${LEVELS[c.satisfaction as Level]}`)}
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export default ComplaintsPage;
