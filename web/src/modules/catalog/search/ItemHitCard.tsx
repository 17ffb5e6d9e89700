import { BankOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { Badge } from '../../../ui/Badge';
import { LimitText } from '../../../ui/LimitText';
import { ProvinceWideBadge } from '../../../ui/ProvinceWideBadge';
import { VisitsBadge } from '../../../ui/VisitsBadge';
import type { ListedItem } from '../api';
import { useItemTypeName } from '../useItemTypeName';
import { useNameIn } from '../../../ui/useNameIn';

/** One service item in a list: name (linking to its guide), department, and what to expect. */
export function ItemHitCard({
  item,
  headingLevel = 3,
  extra,
}: {
  item: ListedItem;
  headingLevel?: 2 | 3 | 4;
  extra?: ReactNode;
}) {
  const typeName = useItemTypeName();
  const nameIn = useNameIn();
  const Heading = `h${headingLevel}` as const;
  return (
    <article className="tb-hit">
      <Heading className="tb-hit__name">
        <Link to={`/items/${encodeURIComponent(item.code)}`}>{item.name}</Link>
      </Heading>
      <p className="tb-hit__meta">
        <BankOutlined aria-hidden="true" /> {nameIn(item.department)}
        <span className="tb-dot" aria-hidden="true">
          ·
        </span>
        {nameIn(item.region)}
      </p>
      {item.summary ? <p className="tb-hit__summary">{item.summary}</p> : null}
      <div className="tb-hit__tags">
        <Badge tone="gray">{typeName(item.itemType)}</Badge>
        <VisitsBadge visits={item.visits} />
        <Badge tone="gray">
          <LimitText days={item.promisedLimitDays} icon />
        </Badge>
        {item.provinceWide ? <ProvinceWideBadge /> : null}
        {extra}
      </div>
    </article>
  );
}
