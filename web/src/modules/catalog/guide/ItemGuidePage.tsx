import { BankOutlined, EnvironmentOutlined, PhoneOutlined } from '@ant-design/icons';
import { Breadcrumb, Descriptions } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { Item } from '../../../../../contracts/catalog';
import { Badge } from '../../../ui/Badge';
import { LimitText } from '../../../ui/LimitText';
import { PageLoading } from '../../../ui/PageLoading';
import { ProblemAlert } from '../../../ui/ProblemAlert';
import { ProvinceWideBadge } from '../../../ui/ProvinceWideBadge';
import { safeHref } from '../../../ui/safe-href';
import { useDocumentTitle } from '../../../ui/useDocumentTitle';
import { VisitsBadge } from '../../../ui/VisitsBadge';
import { useItem } from '../queries';
import { useItemTypeName } from '../useItemTypeName';
import { BasicInfo } from './BasicInfo';
import { FeesSection } from './FeesSection';
import { telHref } from './format';
import { formatDate } from '../../../ui/format';
import { GuideActions } from './GuideActions';
import { FormDownloads } from './FormDownloads';
import { GuideSection } from './GuideSection';
import { GuideToc } from './GuideToc';
import { MaterialsSection, type HeldMaterials } from './MaterialsSection';
import { ProcessSection } from './ProcessSection';
import { QuestionChips } from '../../assistant';
import { useNameIn } from '../../../ui/useNameIn';

function Phone({ number }: { number: string }) {
  const href = telHref(number);
  return href ? (
    <a className="tb-phone" href={href}>
      <PhoneOutlined aria-hidden="true" /> {number}
    </a>
  ) : (
    <span className="tb-phone">{number}</span>
  );
}

function GuideHeader({ item }: { item: Item }) {
  const { t } = useTranslation();
  const nameIn = useNameIn();
  const typeName = useItemTypeName();
  return (
    <header className="tb-guide-header">
      <p className="tb-guide-header__kicker">{t('guide.title')}</p>
      <h1 className="tb-guide-header__title">{item.name}</h1>
      <p className="tb-guide-header__meta">
        <span>
          <BankOutlined aria-hidden="true" /> {nameIn(item.department)}
        </span>
        <span>
          <EnvironmentOutlined aria-hidden="true" /> {nameIn(item.region)}
        </span>
      </p>
      <div className="tb-inline-list">
        <Badge tone="gray">{typeName(item.itemType)}</Badge>
        <VisitsBadge visits={item.visits} />
        <Badge tone="gray">
          <LimitText days={item.promisedLimitDays} icon />
        </Badge>
        {item.provinceWide ? <ProvinceWideBadge /> : null}
      </div>
      {item.summary ? (
        <p className="tb-guide-header__summary">
          <span className="sr-only">
            {t('guide.summary')}
            {t('app.colon')}
          </span>
          {item.summary}
        </p>
      ) : null}
      <QuestionChips itemName={item.name} />
    </header>
  );
}

const nothingHeld: HeldMaterials = new Map();
const useNothingHeld = (_item: Item): HeldMaterials => nothingHeld;

/**
 * Finds, for the signed-in person, the materials of this item the platform already holds (免提交).
 * The cases module knows that (its materials plan); the router passes its hook in, so that the
 * catalogue depends on no module above it.
 */
export type UseHeldMaterials = (item: Item) => HeldMaterials;

function GuideBody({ item, useHeldMaterials }: { item: Item; useHeldMaterials: UseHeldMaterials }) {
  const held = useHeldMaterials(item);
  const { t, i18n } = useTranslation();
  const sampleHref = safeHref(item.result.sample);
  return (
    <div className="tb-guide-body">
      <GuideSection id="basic" title={t('guide.sections.basic')}>
        <BasicInfo item={item} />
      </GuideSection>

      <GuideSection id="basis" title={t('guide.sections.basis')}>
        <p className="tb-prose">{item.legalBasis}</p>
      </GuideSection>

      <GuideSection id="conditions" title={t('guide.sections.conditions')}>
        <ol className="tb-numbered">
          {item.conditions.map((c, i) => (
            <li key={i}>{c}</li>
          ))}
        </ol>
      </GuideSection>

      <GuideSection id="materials" title={t('guide.sections.materials')}>
        <FormDownloads itemCode={item.code} />
        <MaterialsSection materials={item.materials} held={held} />
      </GuideSection>

      <GuideSection id="process" title={t('guide.sections.process')}>
        <ProcessSection steps={item.processSteps} />
      </GuideSection>

      <GuideSection id="fees" title={t('guide.sections.fees')}>
        <FeesSection fees={item.fees} />
      </GuideSection>

      <GuideSection id="result" title={t('guide.sections.result')}>
        <Descriptions
          bordered
          size="small"
          column={1}
          items={[
            { key: 'name', label: t('guide.result.name'), children: item.result.name },
            { key: 'type', label: t('guide.result.type'), children: t(`guide.resultType.${item.result.type}`) },
            ...(item.result.sample?.trim()
              ? [
                  {
                    key: 'sample',
                    label: t('guide.result.sample'),
                    children: sampleHref ? (
                      <a href={sampleHref} target="_blank" rel="noopener noreferrer">
                        {t('guide.result.viewSample')}
                      </a>
                    ) : (
                      item.result.sample
                    ),
                  },
                ]
              : []),
          ]}
        />
      </GuideSection>

      <GuideSection id="delivery" title={t('guide.sections.delivery')}>
        <ul className="tb-inline-list">
          {item.deliveryMethods.map((m) => (
            <li key={m}>
              <Badge tone="blue">{t(`guide.delivery.${m}`)}</Badge>
            </li>
          ))}
        </ul>
      </GuideSection>

      <GuideSection id="venue" title={t('guide.sections.venue')}>
        <Descriptions
          bordered
          size="small"
          column={1}
          items={[
            { key: 'venue', label: t('guide.venue.venue'), children: item.venue },
            { key: 'hours', label: t('guide.venue.hours'), children: item.hours },
          ]}
        />
      </GuideSection>

      <GuideSection id="contact" title={t('guide.sections.contact')}>
        <dl className="tb-contact">
          <div>
            <dt>{t('guide.contact.consult')}</dt>
            <dd>
              <Phone number={item.consultPhone} />
            </dd>
          </div>
          <div>
            <dt>{t('guide.contact.complaint')}</dt>
            <dd>
              <Phone number={item.complaintPhone} />
            </dd>
          </div>
        </dl>
        <p className="tb-muted">{t('guide.contact.hotline')}</p>
      </GuideSection>

      <GuideSection id="intermediaries" title={t('guide.sections.intermediaries')}>
        {item.intermediaries.length === 0 ? (
          <p>{t('guide.intermediaries.none')}</p>
        ) : (
          <ul className="tb-bullets">
            {item.intermediaries.map((name, i) => (
              <li key={i}>{name}</li>
            ))}
          </ul>
        )}
      </GuideSection>

      <footer className="tb-guide-meta">
        <p>{t('guide.meta.notice')}</p>
        <p className="tb-muted">
          {t('guide.meta.version', { version: item.version })}
          <span className="tb-dot" aria-hidden="true">
            ·
          </span>
          {item.publishedAt
            ? t('guide.meta.published', { date: formatDate(item.publishedAt, i18n.resolvedLanguage === 'en') })
            : t('guide.meta.unpublished')}
          <span className="tb-dot" aria-hidden="true">
            ·
          </span>
          {t(`guide.meta.status.${item.status}`)}
        </p>
        <p className="print-only">
          {t('guide.meta.printedFrom')}
          {t('app.colon')}
          {window.location.href}
        </p>
      </footer>
    </div>
  );
}

export function ItemGuidePage({ useHeldMaterials = useNothingHeld }: { useHeldMaterials?: UseHeldMaterials }) {
  const { t } = useTranslation();
  const { code = '' } = useParams();
  const item = useItem(code);
  useDocumentTitle(item.data ? `${item.data.name} · ${t('guide.title')}` : t('guide.title'));

  return (
    <div className="tb-container tb-page tb-guide">
      <Breadcrumb
        className="tb-breadcrumb no-print"
        items={[
          { key: 'home', title: <Link to="/">{t('nav.home')}</Link> },
          { key: 'guide', title: item.data?.name ?? t('guide.title') },
        ]}
      />
      {item.isPending ? (
        <PageLoading rows={12} />
      ) : item.isError ? (
        <ProblemAlert error={item.error} onRetry={() => void item.refetch()} />
      ) : (
        <div className="tb-guide-layout">
          <div className="tb-guide-main">
            <GuideHeader item={item.data} />
            <GuideActions item={item.data} />
            <GuideToc variant="inline" />
            <GuideBody item={item.data} useHeldMaterials={useHeldMaterials} />
          </div>
          <aside className="tb-guide-aside no-print">
            <GuideToc variant="aside" />
          </aside>
        </div>
      )}
    </div>
  );
}

export default ItemGuidePage;
