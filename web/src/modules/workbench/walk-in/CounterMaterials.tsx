import { Checkbox, Form } from 'antd';
import { useTranslation } from 'react-i18next';
import { useItem } from '../../catalog';
import '../workbench.css';

/**
 * 窗口代录: the materials whose paper originals the window received at the counter. The server
 * accepts at once only when every required one is ticked (or held online); it says which are not.
 */
export function CounterMaterials({ itemCode }: { itemCode: string }) {
  const { t } = useTranslation('completeness');
  const item = useItem(itemCode);
  const materials = (item.data?.materials ?? [])
    .map((m, index) => ({ m, index }))
    .filter(({ m }) => m.source !== 'online_form' || (item.data?.form.length ?? 0) === 0);
  if (materials.length === 0) return null;
  return (
    <Form.Item name="received" label={t('counter.label')} extra={t('counter.help')} initialValue={[]}>
      <Checkbox.Group
        className="tb-walk-in__received"
        options={materials.map(({ m, index }) => ({
          value: index,
          label: `${m.name}${m.necessity === 'optional' ? t('counter.optional') : ''}`,
        }))}
      />
    </Form.Item>
  );
}
