import type { ReactNode } from 'react';

export const GUIDE_SECTIONS = [
  'basic',
  'basis',
  'conditions',
  'materials',
  'process',
  'fees',
  'result',
  'delivery',
  'venue',
  'contact',
  'intermediaries',
] as const;
export type GuideSectionKey = (typeof GUIDE_SECTIONS)[number];

export const sectionId = (key: GuideSectionKey) => `guide-${key}`;

/** One titled part of 办事指南, reachable from the page's table of contents. */
export function GuideSection({
  id,
  title,
  extra,
  children,
}: {
  id: GuideSectionKey;
  title: string;
  extra?: ReactNode;
  children: ReactNode;
}) {
  return (
    <section className="tb-guide-section" id={sectionId(id)} aria-labelledby={`${sectionId(id)}-title`}>
      <div className="tb-guide-section__head">
        <h2 id={`${sectionId(id)}-title`}>{title}</h2>
        {extra ? <div className="tb-guide-section__extra">{extra}</div> : null}
      </div>
      <div className="tb-guide-section__body">{children}</div>
    </section>
  );
}
