import type { ReactNode } from 'react';

/** One row of a `<dl className="tb-facts">`: a label and its value. */
export function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="tb-facts__row">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}
