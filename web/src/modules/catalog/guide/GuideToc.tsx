import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { GUIDE_SECTIONS, sectionId } from './GuideSection';

/**
 * 本页目录: in-page links to every part of the guide. `inline` sits under the actions on phones and
 * tablets; `aside` is the sticky column on wide screens. CSS shows exactly one of them.
 */
export function GuideToc({ variant }: { variant: 'inline' | 'aside' }) {
  const { t } = useTranslation();
  const titleId = useId();
  return (
    <nav className={`tb-toc tb-toc--${variant} no-print`} aria-labelledby={titleId}>
      <h2 id={titleId} className="tb-toc__title">
        {t('guide.contents')}
      </h2>
      <ol className="tb-toc__list">
        {GUIDE_SECTIONS.map((key) => (
          <li key={key}>
            <a href={`#${sectionId(key)}`}>{t(`guide.sections.${key}`)}</a>
          </li>
        ))}
      </ol>
    </nav>
  );
}
