import { Descriptions, type DescriptionsProps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Item } from '../../../../../contracts/catalog';
import { NO_QUANTITY_LIMIT } from '../../../../../contracts/catalog-codes';
import type { CatalogMessages } from '../locales/zh-CN';
import { Badge } from '../../../ui/Badge';
import { LimitText } from '../../../ui/LimitText';
import { VisitsBadge } from '../../../ui/VisitsBadge';
import { useItemTypeName } from '../useItemTypeName';
import { useNameIn } from '../../../ui/useNameIn';

type DepthKey = keyof CatalogMessages['guide']['onlineDepth'];

/** 基本信息: the guide's code-list facts as a two-column table (one column on a phone). */
export function BasicInfo({ item }: { item: Item }) {
  const { t } = useTranslation();
  const nameIn = useNameIn();
  const typeName = useItemTypeName();
  const list = (values: string[]) => values.join(t('app.listSep'));
  const items: DescriptionsProps['items'] = [
    { key: 'itemType', label: t('guide.basic.itemType'), children: typeName(item.itemType) },
    {
      key: 'exerciseLevel',
      label: t('guide.basic.exerciseLevel'),
      children: t(`guide.exerciseLevel.${item.exerciseLevel}`),
    },
    {
      key: 'basicCode',
      label: t('guide.basic.basicCode'),
      children: <span className="tb-code">{item.basicCode}</span>,
    },
    { key: 'code', label: t('guide.basic.code'), children: <span className="tb-code">{item.code}</span> },
    { key: 'department', label: t('guide.basic.department'), children: nameIn(item.department) },
    {
      key: 'implementerNature',
      label: t('guide.basic.implementerNature'),
      children: t(`guide.implementerNature.${item.implementerNature}`),
    },
    { key: 'region', label: t('guide.basic.region'), children: nameIn(item.region) },
    {
      key: 'serviceObjects',
      label: t('guide.basic.serviceObjects'),
      children: list(item.serviceObjects.map((o) => t(`guide.serviceObject.${o}`))),
    },
    { key: 'caseKind', label: t('guide.basic.caseKind'), children: t(`guide.caseKind.${item.caseKind}`) },
    {
      key: 'quantityLimit',
      label: t('guide.basic.quantityLimit'),
      children:
        !item.quantityLimit || item.quantityLimit === NO_QUANTITY_LIMIT
          ? t('guide.basic.noQuantityLimit')
          : item.quantityLimit,
    },
    {
      key: 'legalLimit',
      label: t('guide.basic.legalLimit'),
      children: <LimitText days={item.legalLimitDays} variant="plain" />,
    },
    {
      key: 'promisedLimit',
      label: t('guide.basic.promisedLimit'),
      children: (
        <strong>
          <LimitText days={item.promisedLimitDays} variant="plain" />
        </strong>
      ),
    },
    {
      key: 'visits',
      label: t('guide.basic.visits'),
      span: 'filled',
      children: (
        <span className="tb-inline-list">
          <VisitsBadge visits={item.visits} />
          <span>{t('guide.basic.visitsCount', { count: item.visits })}</span>
          {item.visits > 0 && item.visitReason ? (
            <span className="tb-muted">
              {t('guide.basic.visitReason')}
              {t('app.colon')}
              {item.visitReason}
            </span>
          ) : null}
        </span>
      ),
    },
    {
      key: 'onlineDepth',
      label: t('guide.basic.onlineDepth'),
      span: 'filled',
      children:
        item.onlineDepth.length === 0 ? (
          t('guide.basic.none')
        ) : (
          <ul className="tb-inline-list" aria-label={t('guide.basic.onlineDepth')}>
            {[...item.onlineDepth]
              .sort((a, b) => a - b)
              .map((d) => (
                <li key={d}>
                  <Badge tone="blue">{t(`guide.onlineDepth.${String(d) as DepthKey}`)}</Badge>
                </li>
              ))}
          </ul>
        ),
    },
    {
      key: 'handlingForms',
      label: t('guide.basic.handlingForms'),
      children: list(item.handlingForms.map((f) => t(`guide.handlingForm.${f}`))),
    },
    {
      key: 'provinceWide',
      label: t('guide.basic.provinceWide'),
      children: item.provinceWide ? t('guide.basic.yes') : t('guide.basic.no'),
    },
  ];
  return (
    <Descriptions
      bordered
      size="small"
      column={{ xs: 1, sm: 1, md: 2, lg: 2, xl: 2, xxl: 2 }}
      items={items}
      className="tb-descriptions"
    />
  );
}
