import { LinkOutlined } from '@ant-design/icons';
import { Alert, Breadcrumb, Button, Empty, Steps } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { Theme } from '../../../../../contracts/catalog';
import { Badge } from '../../../ui/Badge';
import { PageLoading } from '../../../ui/PageLoading';
import { ProblemAlert } from '../../../ui/ProblemAlert';
import { useDocumentTitle } from '../../../ui/useDocumentTitle';
import { useTheme } from '../queries';
import { RegionSelector } from '../regions/RegionSelector';
import { useRegionParam, withRegion } from '../regions/useRegionParam';
import { ItemHitCard } from '../search/ItemHitCard';
import { prerequisiteNames } from './linked';
import { ThemeIcon } from './ThemeIcon';

function ThemeSteps({ theme }: { theme: Theme }) {
  const { t } = useTranslation();
  if (theme.steps.length === 0) return <Empty description={t('theme.noSteps')} />;
  return (
    <Steps
      className="tb-theme-steps"
      orientation="vertical"
      current={theme.steps.length}
      items={theme.steps.map((step) => {
        const after = prerequisiteNames(theme, step);
        return {
          key: step.item.code,
          status: 'process' as const,
          title: t('theme.stepN', { n: step.order }),
          content: (
            <ItemHitCard
              item={step.item}
              extra={
                <>
                  {after.length > 0 ? (
                    <Badge
                      tone="orange"
                      icon={<LinkOutlined />}
                      title={t('theme.linkedAfter', { names: after.join(t('app.listSep')) })}
                    >
                      {t('theme.linked')}
                    </Badge>
                  ) : null}
                  {step.optional ? <Badge tone="gray">{t('theme.optional')}</Badge> : null}
                </>
              }
            />
          ),
          subTitle:
            after.length > 0 ? (
              <span className="tb-linked-note">{t('theme.linkedAfter', { names: after.join(t('app.listSep')) })}</span>
            ) : undefined,
        };
      })}
    />
  );
}

function SharedFields({ theme }: { theme: Theme }) {
  const { t } = useTranslation();
  if (theme.sharedFields.length === 0) return <p>{t('theme.noSharedFields')}</p>;
  return (
    <>
      <p>{t('theme.sharedFieldsIntro')}</p>
      <ul className="tb-shared-fields">
        {theme.sharedFields.map((f) => (
          <li key={f.key}>
            <span className="tb-shared-fields__label">{f.label}</span>
            <span className="tb-muted tb-small">{t(`theme.fieldType.${f.type}`)}</span>
          </li>
        ))}
      </ul>
    </>
  );
}

/** 一件事: the whole theme as one application (forms module). */
function ThemeApplyCall({ id, region }: { id: string; region: string | undefined }) {
  const { t } = useTranslation('forms');
  return (
    <Alert
      type="info"
      showIcon
      className="tb-gap"
      title={t('theme.applyLead')}
      action={
        <Link to={withRegion(`/themes/${encodeURIComponent(id)}/apply`, region)}>
          <Button type="primary" autoInsertSpace={false}>
            {t('theme.apply')}
          </Button>
        </Link>
      }
    />
  );
}

export function ThemePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [region, setRegion] = useRegionParam();
  const theme = useTheme(id, region);
  useDocumentTitle(theme.data?.title);

  return (
    <div className="tb-container tb-page">
      <Breadcrumb
        className="tb-breadcrumb"
        items={[
          { key: 'home', title: <Link to={withRegion('/', region)}>{t('nav.home')}</Link> },
          { key: 'theme', title: theme.data?.title ?? '…' },
        ]}
      />
      {theme.isPending ? (
        <PageLoading rows={8} />
      ) : theme.isError ? (
        <ProblemAlert error={theme.error} onRetry={() => void theme.refetch()} />
      ) : (
        <article className="tb-theme">
          <header className="tb-theme__header">
            <ThemeIcon name={theme.data.icon} />
            <div>
              <p className="tb-guide-header__kicker">
                {t(`theme.audience.${theme.data.audience}`)} · {theme.data.name}
              </p>
              <h1 className="tb-guide-header__title">{theme.data.title}</h1>
              {theme.data.description ? <p className="tb-theme__desc">{theme.data.description}</p> : null}
              <p className="tb-muted">{t('theme.itemCount', { count: theme.data.itemCount })}</p>
            </div>
          </header>
          <RegionSelector value={region} onChange={setRegion} compact />
          <ThemeApplyCall id={theme.data.slug} region={region} />
          <div className="tb-theme__columns">
            <section className="tb-guide-section" aria-labelledby="theme-steps-title">
              <div className="tb-guide-section__head">
                <h2 id="theme-steps-title">{t('theme.steps')}</h2>
              </div>
              <div className="tb-guide-section__body">
                <p className="tb-muted">{t('theme.stepsIntro')}</p>
                <ThemeSteps theme={theme.data} />
              </div>
            </section>
            <section className="tb-guide-section" aria-labelledby="theme-shared-title">
              <div className="tb-guide-section__head">
                <h2 id="theme-shared-title">{t('theme.sharedFields')}</h2>
              </div>
              <div className="tb-guide-section__body">
                <SharedFields theme={theme.data} />
              </div>
            </section>
          </div>
        </article>
      )}
    </div>
  );
}

export default ThemePage;
