import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageLoading } from '../../../ui/PageLoading';
import { ProblemAlert } from '../../../ui/ProblemAlert';
import { Tabs } from '../../../ui/Tabs';
import { useDocumentTitle } from '../../../ui/useDocumentTitle';
import { decideGrant, listGrants, type Grant } from '../api';
import { formatDate, formatDateTime, PageHeader, useStaff } from '../bits';
import { useEnglish } from '../../../ui/useEnglish';

type Side = 'owner' | 'consumer';

function GrantCard({
  grant,
  side,
  canDecide,
  onDone,
}: {
  grant: Grant;
  side: Side;
  canDecide: boolean;
  onDone: (m: string) => void;
}) {
  const { t } = useTranslation('admin');
  const en = useEnglish();
  const [note, setNote] = useState('');
  const decide = useMutation({
    mutationFn: (d: 'approve' | 'refuse' | 'revoke') => decideGrant(grant.id, d, note.trim()),
    onSuccess: (_, d) => {
      setNote('');
      onDone(t(`sharing.done.${d}`, { resource: grant.resource.name, consumer: grant.consumer.name }));
    },
  });
  const noteId = `tb-grant-note-${grant.id}`;
  const decidable = canDecide && side === 'owner' && (grant.status === 'pending' || grant.status === 'approved');
  const label = `${grant.resource.name} · ${grant.consumer.name}`;
  return (
    <li className="tb-panel tb-admin-grant">
      <h3>
        {grant.resource.name} <span className="tb-admin-code">{grant.resource.code}</span>
      </h3>
      <dl className="tb-admin-facts">
        <div>
          <dt>{t('sharing.state')}</dt>
          <dd>
            <span className={`tb-admin-status tb-admin-status--grant-${grant.status}`}>
              {t(`sharing.status.${grant.status}`)}
            </span>
            {grant.expired ? ` ${t('sharing.expired')}` : ''}
          </dd>
        </div>
        <div>
          <dt>{side === 'owner' ? t('sharing.consumer') : t('sharing.owner')}</dt>
          <dd>{side === 'owner' ? grant.consumer.name : grant.owner.name}</dd>
        </div>
        <div>
          <dt>{t('sharing.fields')}</dt>
          <dd>{grant.fields.join(t('listSep'))}</dd>
        </div>
        <div>
          <dt>{t('sharing.purpose')}</dt>
          <dd>{grant.purpose}</dd>
        </div>
        <div>
          <dt>{t('sharing.legalBasis')}</dt>
          <dd>{grant.legalBasis}</dd>
        </div>
        <div>
          <dt>{t('sharing.requestedAt')}</dt>
          <dd>{formatDateTime(grant.requestedAt, en)}</dd>
        </div>
        <div>
          <dt>{t('sharing.expiresAt')}</dt>
          <dd>{formatDate(grant.expiresAt, en)}</dd>
        </div>
        {grant.decisionNote ? (
          <div>
            <dt>{t('sharing.decisionNote')}</dt>
            <dd>{grant.decisionNote}</dd>
          </div>
        ) : null}
      </dl>
      {decidable ? (
        <div className="tb-admin-decide">
          <label htmlFor={noteId}>{grant.status === 'pending' ? t('sharing.note') : t('sharing.revokeNote')}</label>
          <Input.TextArea
            id={noteId}
            value={note}
            maxLength={1000}
            autoSize={{ minRows: 1, maxRows: 4 }}
            onChange={(e) => setNote(e.target.value)}
          />
          {decide.isError ? <ProblemAlert error={decide.error} /> : null}
          <div className="tb-admin-actions" role="group" aria-label={label}>
            {grant.status === 'pending' ? (
              <>
                <Button
                  type="primary"
                  loading={decide.isPending && decide.variables === 'approve'}
                  onClick={() => decide.mutate('approve')}
                >
                  {t('sharing.approve')}
                  <span className="sr-only">{label}</span>
                </Button>
                <Button
                  danger
                  disabled={note.trim() === ''}
                  loading={decide.isPending && decide.variables === 'refuse'}
                  onClick={() => decide.mutate('refuse')}
                >
                  {t('sharing.refuse')}
                  <span className="sr-only">{label}</span>
                </Button>
              </>
            ) : (
              <Button
                danger
                disabled={note.trim() === ''}
                loading={decide.isPending}
                onClick={() => decide.mutate('revoke')}
              >
                {t('sharing.revoke')}
                <span className="sr-only">{label}</span>
              </Button>
            )}
          </div>
        </div>
      ) : null}
    </li>
  );
}

function GrantList({ side, onDone }: { side: Side; onDone: (m: string) => void }) {
  const { t } = useTranslation('admin');
  const me = useStaff();
  const grants = useQuery({
    queryKey: ['admin', 'grants', side],
    queryFn: ({ signal }) => listGrants(side, signal),
    staleTime: 0,
  });
  if (grants.isPending) return <PageLoading rows={3} />;
  if (grants.isError) return <ProblemAlert error={grants.error} onRetry={() => void grants.refetch()} />;
  if (grants.data.length === 0) return <p>{side === 'owner' ? t('sharing.noneOwner') : t('sharing.noneConsumer')}</p>;
  const sorted = [...grants.data].sort(
    (a, b) =>
      Number(b.status === 'pending') - Number(a.status === 'pending') || b.requestedAt.localeCompare(a.requestedAt),
  );
  return (
    <ul className="tb-admin-grants" aria-label={side === 'owner' ? t('sharing.ownerTab') : t('sharing.consumerTab')}>
      {sorted.map((g) => (
        <GrantCard key={g.id} grant={g} side={side} canDecide={me.roles.includes('data_admin')} onDone={onDone} />
      ))}
    </ul>
  );
}

/** 共享申请审批: grants asked of my departments (approve, refuse, revoke) and those my departments asked for. */
export function SharingPage() {
  const { t } = useTranslation('admin');
  useDocumentTitle(t('sharing.title'));
  const queryClient = useQueryClient();
  const [side, setSide] = useState<Side>('owner');
  const [announcement, setAnnouncement] = useState('');
  const done = (m: string) => {
    setAnnouncement(m);
    void queryClient.invalidateQueries({ queryKey: ['admin', 'grants'] });
  };
  return (
    <>
      <PageHeader title={t('sharing.title')}>
        <p className="tb-admin__lead">{t('sharing.lead')}</p>
      </PageHeader>
      <Alert type="info" showIcon title={t('sharing.requestNote')} />
      <p role="status" aria-live="polite" className="tb-admin-announce">
        {announcement}
      </p>
      <Tabs<Side>
        label={t('sharing.title')}
        active={side}
        onChange={setSide}
        tabs={[
          { key: 'owner', label: t('sharing.ownerTab'), panel: <GrantList side="owner" onDone={done} /> },
          { key: 'consumer', label: t('sharing.consumerTab'), panel: <GrantList side="consumer" onDone={done} /> },
        ]}
      />
    </>
  );
}

export default SharingPage;
