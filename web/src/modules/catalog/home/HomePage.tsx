import { BankOutlined, SolutionOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ProvinceWideBadge } from '../../../ui/ProvinceWideBadge';
import { Tabs } from '../../../ui/Tabs';
import { useDocumentTitle } from '../../../ui/useDocumentTitle';
import { VisitsBadge } from '../../../ui/VisitsBadge';
import type { Audience } from '../api';
import { HotSearches } from '../search/HotSearches';
import { RegionSelector } from '../regions/RegionSelector';
import { SearchBox } from '../search/SearchBox';
import { ThemeGrid } from '../themes/ThemeGrid';
import { useRegionParam, withRegion } from '../regions/useRegionParam';

export function HomePage() {
  const { t } = useTranslation();
  useDocumentTitle();
  const [region, setRegion] = useRegionParam();
  const [params, setParams] = useSearchParams();
  const audience: Audience = params.get('audience') === 'enterprise' ? 'enterprise' : 'person';
  const setAudience = (next: Audience) =>
    setParams(
      (prev) => {
        const p = new URLSearchParams(prev);
        if (next === 'enterprise') p.set('audience', next);
        else p.delete('audience');
        return p;
      },
      { replace: true },
    );

  return (
    <>
      <section className="tb-hero" aria-labelledby="home-heading">
        <div className="tb-container">
          <h1 id="home-heading" className="tb-hero__title">
            {t('home.heading')}
          </h1>
          <p className="tb-hero__subtitle">{t('home.subheading')}</p>
          <SearchBox
            className="tb-hero__search"
            size="large"
            region={region}
            label={t('home.searchLabel')}
            placeholder={t('home.searchPlaceholder')}
          />
          <HotSearches region={region} />
          <div className="tb-hero__region">
            <RegionSelector value={region} onChange={setRegion} />
          </div>
        </div>
      </section>

      <div className="tb-container tb-home">
        <section className="tb-section" aria-labelledby="themes-heading">
          <div className="tb-section__head">
            <h2 id="themes-heading">{t('home.themesHeading')}</h2>
            <p className="tb-muted">{t('home.themesIntro')}</p>
          </div>
          <Tabs
            label={t('home.themesHeading')}
            active={audience}
            onChange={setAudience}
            tabs={(['person', 'enterprise'] as const).map((key) => ({
              key,
              label: key === 'person' ? t('home.person') : t('home.enterprise'),
              panel: <ThemeGrid audience={key} region={region} />,
            }))}
          />
        </section>

        <div className="tb-home__columns">
          <section className="tb-section" aria-labelledby="lists-heading">
            <h2 id="lists-heading">{t('home.listsHeading')}</h2>
            <ul className="tb-link-cards">
              <li>
                <Link className="tb-link-card" to={withRegion('/lists/power', region)}>
                  <BankOutlined aria-hidden="true" className="tb-link-card__icon" />
                  <span>
                    <span className="tb-link-card__title">{t('nav.powerList')}</span>
                    <span className="tb-link-card__desc">{t('home.powerListDesc')}</span>
                  </span>
                </Link>
              </li>
              <li>
                <Link className="tb-link-card" to={withRegion('/lists/service', region)}>
                  <SolutionOutlined aria-hidden="true" className="tb-link-card__icon" />
                  <span>
                    <span className="tb-link-card__title">{t('nav.serviceList')}</span>
                    <span className="tb-link-card__desc">{t('home.serviceListDesc')}</span>
                  </span>
                </Link>
              </li>
            </ul>
          </section>

          <section className="tb-section" aria-labelledby="legend-heading">
            <h2 id="legend-heading">{t('home.guideHeading')}</h2>
            <dl className="tb-legend">
              <div>
                <dt>
                  <VisitsBadge visits={0} />
                </dt>
                <dd>{t('home.guideZero')}</dd>
              </div>
              <div>
                <dt>
                  <VisitsBadge visits={1} />
                </dt>
                <dd>{t('home.guideOnce')}</dd>
              </div>
              <div>
                <dt>
                  <ProvinceWideBadge />
                </dt>
                <dd>{t('home.guideProvince')}</dd>
              </div>
            </dl>
          </section>
        </div>
      </div>
    </>
  );
}

export default HomePage;
