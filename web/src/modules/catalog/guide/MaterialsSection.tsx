import { DownloadOutlined, FileDoneOutlined, FileTextOutlined } from '@ant-design/icons';
import { Grid, Table, type TableColumnsType } from 'antd';
import { createContext, useContext } from 'react';
import { useTranslation } from 'react-i18next';
import type { Material } from '../../../../../contracts/catalog';
import { Badge, type BadgeTone } from '../../../ui/Badge';
import { safeHref } from '../../../ui/safe-href';

const NECESSITY_TONE: Record<Material['necessity'], BadgeTone> = {
  required: 'red',
  optional: 'gray',
  deferrable: 'orange',
};

/** 免提交: the government already holds it (an e-license or a shared data resource). */
export const isExempt = (m: Material): boolean => Boolean(m.licenseType || m.sharedData);

function NecessityBadge({ necessity }: { necessity: Material['necessity'] }) {
  const { t } = useTranslation();
  return <Badge tone={NECESSITY_TONE[necessity]}>{t(`guide.materials.necessityKind.${necessity}`)}</Badge>;
}

/** What the platform holds for the signed-in applicant, by material name (from the 免提交 plan). */
export type HeldMaterial = { kind: 'license'; typeName: string } | { kind: 'shared'; resourceName: string };
export type HeldMaterials = ReadonlyMap<string, HeldMaterial>;
const NOTHING_HELD: HeldMaterials = new Map();
const Held = createContext<HeldMaterials>(NOTHING_HELD);

function ExemptNote({ material }: { material: Material }) {
  const { t } = useTranslation();
  const held = useContext(Held).get(material.name);
  if (held) {
    return (
      <span className="tb-exempt">
        <Badge tone="green" icon={<FileDoneOutlined />}>
          {t('guide.materials.held')}
        </Badge>
        <span className="tb-muted tb-small">
          {held.kind === 'license'
            ? t('guide.materials.heldLicense', { name: held.typeName })
            : t('guide.materials.heldShared', { name: held.resourceName })}
        </span>
      </span>
    );
  }
  if (!isExempt(material)) return null;
  return (
    <span className="tb-exempt">
      <Badge tone="green" icon={<FileDoneOutlined />}>
        {t('guide.materials.exempt')}
      </Badge>
      <span className="tb-muted tb-small">
        {material.licenseType ? t('guide.materials.exemptLicense') : t('guide.materials.exemptShared')}
      </span>
    </span>
  );
}

function MaterialDetails({ material }: { material: Material }) {
  const { t } = useTranslation();
  const rows = [
    ['basis', material.basis],
    ['instructions', material.instructions],
    ['acceptanceStandard', material.acceptanceStandard],
  ] as const;
  const present = rows.filter(([, v]) => v.trim());
  if (present.length === 0) return null;
  return (
    <dl className="tb-material-details">
      {present.map(([key, value]) => (
        <div key={key}>
          <dt>{t(`guide.materials.${key}`)}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function Source({ material }: { material: Material }) {
  const { t } = useTranslation();
  return (
    <span className="tb-stack">
      <span>{t(`guide.materials.sourceKind.${material.source}`)}</span>
      {material.issuer ? <span className="tb-muted">{material.issuer}</span> : null}
    </span>
  );
}

function Copies({ material }: { material: Material }) {
  const { t } = useTranslation();
  if (material.originals === 0 && material.copies === 0) return <span aria-label={t('guide.basic.none')}>—</span>;
  return (
    <span className="tb-stack">
      <span>{t('guide.materials.originals', { count: material.originals })}</span>
      <span>{t('guide.materials.photocopies', { count: material.copies })}</span>
    </span>
  );
}

function FormAndSpec({ material }: { material: Material }) {
  const { t } = useTranslation();
  return (
    <span className="tb-stack">
      <span>{t(`guide.materials.formKind.${material.form}`)}</span>
      {material.form !== 'electronic' && material.paperSpec ? (
        <span className="tb-muted">
          {t('guide.materials.paperSpec')}
          {t('app.colon')}
          {material.paperSpec}
        </span>
      ) : null}
    </span>
  );
}

/**
 * Blank form and sample: a link when the guide gives a URL or a site path, otherwise the document's
 * name as text (the seed catalogue names forms that are handed out at the window).
 */
function Downloads({ material }: { material: Material }) {
  const { t } = useTranslation();
  const entries = (['blankForm', 'sample'] as const).flatMap((key) => {
    const value = material[key]?.trim();
    return value ? [{ key, value, href: safeHref(value) }] : [];
  });
  if (entries.length === 0) return <span aria-label={t('guide.basic.none')}>—</span>;
  return (
    <span className="tb-stack">
      {entries.map(({ key, value, href }) =>
        href ? (
          <a key={key} href={href} target="_blank" rel="noopener noreferrer">
            <DownloadOutlined aria-hidden="true" /> {t(`guide.materials.${key}`)}
            <span className="sr-only">
              {t('app.colon')}
              {material.name}
            </span>
          </a>
        ) : (
          <span key={key}>
            <FileTextOutlined aria-hidden="true" /> {t(`guide.materials.${key}`)}
            {t('app.colon')}
            {value}
          </span>
        ),
      )}
    </span>
  );
}

function MaterialsTable({ materials }: { materials: Material[] }) {
  const { t } = useTranslation();
  const columns: TableColumnsType<Material & { index: number }> = [
    { key: 'index', title: t('guide.materials.index'), dataIndex: 'index', width: 56, align: 'center' },
    {
      key: 'name',
      title: t('guide.materials.name'),
      render: (_, m) => (
        <div className="tb-material-name">
          <strong>{m.name}</strong>
          <ExemptNote material={m} />
          <MaterialDetails material={m} />
        </div>
      ),
    },
    { key: 'source', title: t('guide.materials.source'), width: 150, render: (_, m) => <Source material={m} /> },
    { key: 'copies', title: t('guide.materials.copies'), width: 110, render: (_, m) => <Copies material={m} /> },
    {
      key: 'form',
      title: t('guide.materials.formAndSpec'),
      width: 110,
      render: (_, m) => <FormAndSpec material={m} />,
    },
    {
      key: 'necessity',
      title: t('guide.materials.necessity'),
      width: 90,
      render: (_, m) => <NecessityBadge necessity={m.necessity} />,
    },
    {
      key: 'downloads',
      title: t('guide.materials.downloads'),
      width: 150,
      render: (_, m) => <Downloads material={m} />,
    },
  ];
  return (
    <Table
      className="tb-materials-table"
      size="middle"
      bordered
      rowKey={(m) => `${m.index}`}
      columns={columns}
      dataSource={materials.map((m, i) => ({ ...m, index: i + 1 }))}
      pagination={false}
      scroll={{ x: 860 }}
    />
  );
}

/** On a phone each material is a card; the same facts in the same order as the table. */
function MaterialCards({ materials }: { materials: Material[] }) {
  const { t } = useTranslation();
  return (
    <ol className="tb-material-cards">
      {materials.map((m, i) => (
        <li key={`${i}-${m.name}`} className="tb-material-card">
          <h3>
            <span className="tb-material-card__index">{i + 1}</span>
            {m.name}
          </h3>
          <div className="tb-inline-list">
            <NecessityBadge necessity={m.necessity} />
            <ExemptNote material={m} />
          </div>
          <dl className="tb-facts">
            <div>
              <dt>{t('guide.materials.source')}</dt>
              <dd>
                <Source material={m} />
              </dd>
            </div>
            <div>
              <dt>{t('guide.materials.copies')}</dt>
              <dd>
                <Copies material={m} />
              </dd>
            </div>
            <div>
              <dt>{t('guide.materials.form')}</dt>
              <dd>
                <FormAndSpec material={m} />
              </dd>
            </div>
            <div>
              <dt>{t('guide.materials.downloads')}</dt>
              <dd>
                <Downloads material={m} />
              </dd>
            </div>
          </dl>
          <MaterialDetails material={m} />
        </li>
      ))}
    </ol>
  );
}

/** 申请材料: everything the applicant may be asked for, and what the government already holds. */
export function MaterialsSection({ materials, held = NOTHING_HELD }: { materials: Material[]; held?: HeldMaterials }) {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  if (materials.length === 0) return <p>{t('guide.materials.none')}</p>;
  const exempt = materials.filter(isExempt).length;
  return (
    <>
      <p className="tb-materials-summary">
        {t('guide.materials.count', { count: materials.length })}
        {exempt > 0 ? (
          <>
            {t('app.comma')}
            <strong className="tb-text-green">{t('guide.materials.exemptCount', { count: exempt })}</strong>
          </>
        ) : null}
      </p>
      <Held.Provider value={held}>
        {screens.md === false ? <MaterialCards materials={materials} /> : <MaterialsTable materials={materials} />}
      </Held.Provider>
    </>
  );
}
