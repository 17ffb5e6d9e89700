import type { ReactNode } from 'react';

export type BadgeTone = 'green' | 'blue' | 'orange' | 'red' | 'gray';

/**
 * A small label with text colours chosen for ≥ 4.5:1 contrast on their tint (antd's preset tag
 * colours fall short of WCAG AA for small text).
 */
export function Badge({
  tone,
  icon,
  children,
  title,
}: {
  tone: BadgeTone;
  icon?: ReactNode;
  children: ReactNode;
  title?: string;
}) {
  return (
    <span className={`tb-badge tb-badge--${tone}`} title={title}>
      {icon ? (
        <span className="tb-badge__icon" aria-hidden="true">
          {icon}
        </span>
      ) : null}
      {children}
    </span>
  );
}
