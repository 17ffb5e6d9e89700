import { useMemo } from 'react';
import type { Item } from '../../../../../contracts/catalog';
import type { HeldMaterial, HeldMaterials } from '../../catalog';
import { useMe } from '../../identity';
import { useMaterialsPlan } from '../apply/queries';

/** For a signed-in person: the materials of this item the platform already holds for them (免提交). */
export function useHeldMaterials(item: Item): HeldMaterials {
  const me = useMe();
  const person = me.data?.kind === 'person' ? me.data : undefined;
  const plan = useMaterialsPlan(item.code, person?.actingFor?.enterpriseId ?? 'self', Boolean(person));
  // One map per answer of the plan, so the materials below re-render only when it changes.
  return useMemo(() => {
    const held = new Map<string, HeldMaterial>();
    for (const m of plan.data?.materials ?? []) {
      if (m.satisfiedBy?.kind === 'license') held.set(m.name, { kind: 'license', typeName: m.satisfiedBy.typeName });
      else if (m.satisfiedBy?.kind === 'shared')
        held.set(m.name, { kind: 'shared', resourceName: m.satisfiedBy.resourceName });
    }
    return held;
  }, [plan.data]);
}
