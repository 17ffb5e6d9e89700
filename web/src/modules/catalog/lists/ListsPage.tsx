import { Collapse, Empty, Grid, Table, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { LimitText } from '../../../ui/LimitText';
import { PageLoading } from '../../../ui/PageLoading';
import { ProblemAlert } from '../../../ui/ProblemAlert';
import { ProvinceWideBadge } from '../../../ui/ProvinceWideBadge';
import { useDocumentTitle } from '../../../ui/useDocumentTitle';
import { VisitsBadge } from '../../../ui/VisitsBadge';
import { NotFoundPage } from '../../../ui/NotFoundPage';
import type { CatalogList, ListedItem, ListKind } from '../api';
import { useCatalogList } from '../queries';
import { RegionSelector } from '../regions/RegionSelector';
import { useRegionParam } from '../regions/useRegionParam';
import { useItemTypeName } from '../useItemTypeName';
import { useNameIn } from '../../../ui/useNameIn';

type Group = CatalogList['groups'][number];

/** Items of one 事项类型, by implementing department, largest first. */
function byDepartment(items: ListedItem[]): { id: string; name: string; nameEn: string; items: ListedItem[] }[] {
  const map = new Map<string, { id: string; name: string; nameEn: string; items: ListedItem[] }>();
  for (const item of items) {
    const entry = map.get(item.department.id) ?? { ...item.department, items: [] };
    entry.items.push(item);
    map.set(item.department.id, entry);
  }
  return [...map.values()].sort((a, b) => b.items.length - a.items.length || a.name.localeCompare(b.name, 'zh-CN'));
}

const itemLink = (item: ListedItem) => <Link to={`/items/${encodeURIComponent(item.code)}`}>{item.name}</Link>;

function DepartmentItems({ items }: { items: ListedItem[] }) {
  const { t } = useTranslation();
  const nameIn = useNameIn();
  const screens = Grid.useBreakpoint();
  if (screens.md === false) {
    return (
      <ul className="tb-compact-list">
        {items.map((item) => (
          <li key={item.code}>
            {itemLink(item)}
            <span className="tb-inline-list">
              <VisitsBadge visits={item.visits} />
              <span className="tb-small">
                <LimitText days={item.promisedLimitDays} />
              </span>
              {item.provinceWide ? <ProvinceWideBadge /> : null}
            </span>
          </li>
        ))}
      </ul>
    );
  }
  const columns: TableColumnsType<ListedItem> = [
    { key: 'name', title: t('lists.columns.name'), render: (_, item) => itemLink(item) },
    { key: 'region', title: t('lists.columns.region'), width: 140, render: (_, item) => nameIn(item.region) },
    {
      key: 'visits',
      title: t('lists.columns.visits'),
      width: 150,
      render: (_, item) => <VisitsBadge visits={item.visits} />,
    },
    {
      key: 'limit',
      title: t('lists.columns.limit'),
      width: 170,
      render: (_, item) => <LimitText days={item.promisedLimitDays} variant="plain" />,
    },
    {
      key: 'provinceWide',
      title: t('lists.columns.provinceWide'),
      width: 110,
      render: (_, item) => (item.provinceWide ? <ProvinceWideBadge /> : '—'),
    },
  ];
  return <Table size="small" rowKey="code" columns={columns} dataSource={items} pagination={false} />;
}

function TypeGroup({ group }: { group: Group }) {
  const { t, i18n } = useTranslation();
  const nameIn = useNameIn();
  const departments = byDepartment(group.items);
  const name = i18n.resolvedLanguage === 'en' ? group.itemTypeName.en : group.itemTypeName.zh;
  return (
    <section
      className="tb-guide-section"
      id={`type-${group.itemType}`}
      aria-labelledby={`type-${group.itemType}-title`}
    >
      <div className="tb-guide-section__head">
        <h2 id={`type-${group.itemType}-title`}>
          {name} <span className="tb-count">{t('lists.total', { count: group.items.length })}</span>
        </h2>
      </div>
      <div className="tb-guide-section__body">
        <Collapse
          defaultActiveKey={departments.length <= 3 ? departments.map((d) => d.id) : []}
          items={departments.map((d) => ({
            key: d.id,
            label: (
              <span className="tb-collapse-label">
                <span>{nameIn(d)}</span>
                <span className="tb-count">{t('lists.departmentCount', { count: d.items.length })}</span>
              </span>
            ),
            children: <DepartmentItems items={d.items} />,
          }))}
        />
      </div>
    </section>
  );
}

function ListView({ kind }: { kind: ListKind }) {
  const { t } = useTranslation();
  const typeName = useItemTypeName();
  const [region, setRegion] = useRegionParam();
  const list = useCatalogList(kind, region);
  const title = kind === 'power' ? t('lists.power') : t('lists.service');
  useDocumentTitle(title);
  return (
    <div className="tb-container tb-page">
      <header className="tb-page-header">
        <h1>{title}</h1>
        <p className="tb-muted">{kind === 'power' ? t('lists.powerIntro') : t('lists.serviceIntro')}</p>
      </header>
      <RegionSelector value={region} onChange={setRegion} compact />
      {list.isPending ? (
        <PageLoading />
      ) : list.isError ? (
        <ProblemAlert error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.total === 0 ? (
        <Empty description={t('lists.empty')} />
      ) : (
        <>
          <nav className="tb-type-summary" aria-label={t('lists.byType')}>
            <p className="tb-result-summary">{t('lists.total', { count: list.data.total })}</p>
            <ul className="tb-inline-list">
              {list.data.groups.map((g) => (
                <li key={g.itemType}>
                  <a className="tb-chip tb-chip--light" href={`#type-${g.itemType}`}>
                    {typeName(g.itemType)} · {g.items.length}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
          {list.data.groups.map((g) => (
            <TypeGroup key={g.itemType} group={g} />
          ))}
        </>
      )}
    </div>
  );
}

export function ListsPage() {
  const { kind } = useParams();
  if (kind !== 'power' && kind !== 'service') return <NotFoundPage />;
  return <ListView key={kind} kind={kind} />;
}

export default ListsPage;
