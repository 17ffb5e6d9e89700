/**
 * 我的待遇 / 可享政策: benefits granted without an application (免申即享) and policies the person
 * may apply for (政策找人), each with the conditions it was decided on and the registry's values;
 * declining a benefit, accepting an offer (which opens the item's application, where the form
 * can be filled from the registries with consent) or saying it is not needed; once applied for, the
 * application's state (申请中 / 已准予) with its tracking code; switching offers off.
 */
import { Button, Switch, Tag } from 'antd';
import './proactive.css';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { PersonPage } from '../identity';
import { PageLoading } from '../../ui/PageLoading';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { useEnglish } from '../../ui/useEnglish';
import { dateTime } from '../../ui/format';
import type { Explanation } from '../../../../contracts/proactive';
import * as api from './api';

const KEYS = { grants: ['proactive', 'grants'], offers: ['proactive', 'offers'] } as const;

function Why({ explanation }: { explanation: Explanation }) {
  const { t } = useTranslation('proactive');
  const en = useEnglish();
  const say = (x: { zh: string; en: string }) => (en ? x.en : x.zh);
  return (
    <details className="tb-proactive-why">
      <summary>{t('why', { version: explanation.policyVersion, date: explanation.referenceDate })}</summary>
      <ul>
        {explanation.conditions.map((c) => (
          <li key={c.condition.zh}>
            <span className={c.held ? 'tb-proactive-held' : 'tb-proactive-failed'}>
              {c.held ? t('held') : t('failed')}
            </span>
            {say(c.condition)} <span className="tb-muted">{t('value', { value: say(c.value) })}</span>
          </li>
        ))}
      </ul>
      <p className="tb-muted">
        {t('legalBasis')}
        {explanation.legalBasis}
      </p>
    </details>
  );
}

/** The section words: a person's benefits, or (acting for an enterprise) its 惠企政策. */
interface Words {
  granted: string;
  grantedEmpty: string;
  offered: string;
  offeredEmpty: string;
}

function Grants({ words }: { words: Words }) {
  const { t } = useTranslation('proactive');
  const en = useEnglish();
  const qc = useQueryClient();
  const grants = useQuery({ queryKey: KEYS.grants, queryFn: ({ signal }) => api.entitlements(signal) });
  const decline = useMutation({
    mutationFn: api.declineGrant,
    onSuccess: () => qc.invalidateQueries({ queryKey: KEYS.grants }),
  });
  if (grants.isPending) return <PageLoading rows={2} />;
  if (grants.isError) return <ProblemAlert error={grants.error} onRetry={() => void grants.refetch()} />;
  if (grants.data.length === 0) return <p>{words.grantedEmpty}</p>;
  return (
    <>
      {decline.isError ? <ProblemAlert error={decline.error} /> : null}
      <ul className="tb-case-list" aria-label={words.granted}>
        {grants.data.map((g) => (
          <li key={g.id} className="tb-use">
            <div className="tb-case-card__head">
              <strong>{en ? g.policy.en : g.policy.zh}</strong>
              <Tag>{t(`status.${g.status}`)}</Tag>
            </div>
            <p>
              {g.amount != null ? `${t('amount', { amount: g.amount.toLocaleString(en ? 'en-US' : 'zh-CN') })} · ` : ''}
              {t('period', { period: g.period === 'once' ? t('once') : g.period })} · {t('grantedAt')}
              <time dateTime={g.grantedAt}>{dateTime(g.grantedAt, en)}</time>
            </p>
            {g.trackingCode && g.caseId ? (
              <p>
                {t('trackingCode')}
                {g.trackingCode} <Link to={`/me/cases/${g.caseId}`}>{t('openCase')}</Link>
              </p>
            ) : null}
            <Why explanation={g.explanation} />
            {g.status === 'granted' ? (
              <Button size="small" onClick={() => decline.mutate(g.id)} loading={decline.isPending}>
                {t('decline')}
              </Button>
            ) : null}
          </li>
        ))}
      </ul>
    </>
  );
}

function Offers({ words }: { words: Words }) {
  const { t } = useTranslation('proactive');
  const en = useEnglish();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const offers = useQuery({ queryKey: KEYS.offers, queryFn: ({ signal }) => api.offers(signal) });
  const answer = useMutation({
    mutationFn: ({ id, action }: { id: string; action: 'accept' | 'decline' }) => api.answerOffer(id, action),
    onSuccess: async (offer) => {
      await qc.invalidateQueries({ queryKey: KEYS.offers });
      if (offer.status === 'accepted' && offer.item) await navigate(`/items/${offer.item.code}/apply`);
    },
  });
  const wanted = useMutation({
    mutationFn: api.setOffersWanted,
    onSuccess: () => qc.invalidateQueries({ queryKey: KEYS.offers }),
  });
  if (offers.isPending) return <PageLoading rows={2} />;
  if (offers.isError) return <ProblemAlert error={offers.error} onRetry={() => void offers.refetch()} />;
  const { offersWanted } = offers.data;
  return (
    <>
      <p>
        <label>
          <Switch checked={offersWanted} onChange={(v) => wanted.mutate(v)} loading={wanted.isPending} /> {t('wanted')}
        </label>
      </p>
      {offersWanted ? null : <p className="tb-muted">{t('wantedOff')}</p>}
      {answer.isError ? <ProblemAlert error={answer.error} /> : null}
      {offers.data.offers.length === 0 ? (
        <p>{words.offeredEmpty}</p>
      ) : (
        <ul className="tb-case-list" aria-label={words.offered}>
          {offers.data.offers.map((o) => (
            <li key={o.id} className="tb-use">
              <div className="tb-case-card__head">
                <strong>{en ? o.policy.en : o.policy.zh}</strong>
                <Tag color={o.application?.decision === 'approved' ? 'green' : undefined}>
                  {o.application ? t(`application.${o.application.decision ?? 'pending'}`) : t(`status.${o.status}`)}
                </Tag>
              </div>
              <p>{en ? o.summary.en : o.summary.zh}</p>
              {o.application ? (
                <p>
                  {t('trackingCode')}
                  {o.application.trackingCode} <Link to={`/me/cases/${o.application.caseId}`}>{t('openCase')}</Link>
                </p>
              ) : null}
              {o.explanation.amount != null ? (
                <p>{t('amount', { amount: o.explanation.amount.toLocaleString(en ? 'en-US' : 'zh-CN') })}</p>
              ) : null}
              <Why explanation={o.explanation} />
              {o.application &&
              o.application.decision !== 'refused' &&
              o.application.decision !== 'not_accepted' ? null : o.item ? (
                <p>
                  <Link to={`/items/${o.item.code}/apply`}>{t('applyHere', { name: o.item.name })}</Link>
                </p>
              ) : (
                <p className="tb-muted">{t('noItem')}</p>
              )}
              {o.status === 'open' && !o.application ? (
                <p>
                  <Button type="primary" size="small" onClick={() => answer.mutate({ id: o.id, action: 'accept' })}>
                    {t('accept')}
                  </Button>{' '}
                  <Button size="small" onClick={() => answer.mutate({ id: o.id, action: 'decline' })}>
                    {t('notNeeded')}
                  </Button>
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

export default function BenefitsPage() {
  const { t } = useTranslation('proactive');
  useDocumentTitle(t('title'));
  return (
    <PersonPage>
      {(me) => {
        // 惠企政策: while acting for an enterprise the same routes answer the enterprise's.
        const w = (key: 'title' | 'lead' | keyof Words) => t(me.actingFor ? `enterprise.${key}` : key);
        const words = {
          granted: w('granted'),
          grantedEmpty: w('grantedEmpty'),
          offered: w('offered'),
          offeredEmpty: w('offeredEmpty'),
        };
        return (
          <>
            <h1>{w('title')}</h1>
            <p className="tb-lead">{me.actingFor ? t('enterprise.lead', { name: me.actingFor.name }) : t('lead')}</p>
            <section className="tb-panel" aria-labelledby="proactive-granted">
              <h2 id="proactive-granted">{words.granted}</h2>
              <Grants words={words} />
            </section>
            <section className="tb-panel" aria-labelledby="proactive-offered">
              <h2 id="proactive-offered">{words.offered}</h2>
              <Offers words={words} />
            </section>
          </>
        );
      }}
    </PersonPage>
  );
}
