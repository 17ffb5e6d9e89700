/**
 * Invariants of a 办事指南 that span fields. All violations are collected so that an editor sees
 * every problem at once (answered as 422 with the list).
 */
import type { ItemGuide } from '../../../../contracts/catalog.js';
import type { FieldError } from '../../platform/errors.js';

const violation = (field: string, code: string, zh: string, en: string): FieldError => ({
  field,
  code,
  message: { zh, en },
});

export function checkGuide(guide: ItemGuide): FieldError[] {
  const out: FieldError[] = [];
  if (guide.promisedLimitDays > guide.legalLimitDays) {
    out.push(
      violation(
        'promisedLimitDays',
        'CATALOG.PROMISED_EXCEEDS_LEGAL',
        `承诺时限（${guide.promisedLimitDays} 个工作日）不得长于法定时限（${guide.legalLimitDays} 个工作日）`,
        `The promised limit (${guide.promisedLimitDays} working days) must not exceed the legal limit (${guide.legalLimitDays})`,
      ),
    );
  }
  if (guide.caseKind === '1' && guide.promisedLimitDays !== 0) {
    out.push(
      violation(
        'promisedLimitDays',
        'CATALOG.IMMEDIATE_WITH_LIMIT',
        '即办件的承诺时限应为 0（当场办结）',
        'An immediate item (即办件) must have a promised limit of 0',
      ),
    );
  }
  if (guide.caseKind === '2' && guide.promisedLimitDays === 0) {
    out.push(
      violation(
        'caseKind',
        'CATALOG.PROMISED_WITHOUT_LIMIT',
        '承诺件须有大于 0 的承诺时限；当场办结的应为即办件',
        'A promised item (承诺件) needs a promised limit above 0; same-day items are 即办件',
      ),
    );
  }
  const keys = new Set<string>();
  guide.form.forEach((f, i) => {
    if (keys.has(f.key))
      out.push(
        violation(
          `form.${i}.key`,
          'CATALOG.DUPLICATE_FORM_FIELD',
          `申请表字段“${f.key}”重复`,
          `Form field "${f.key}" appears twice`,
        ),
      );
    keys.add(f.key);
    if (f.type === 'choice' && (f.options?.length ?? 0) < 2)
      out.push(
        violation(
          `form.${i}.options`,
          'CATALOG.CHOICE_WITHOUT_OPTIONS',
          `选择项“${f.label}”至少需要两个选项`,
          `Choice field "${f.label}" needs at least two options`,
        ),
      );
    if (f.min !== undefined && f.max !== undefined && f.min > f.max)
      out.push(
        violation(
          `form.${i}.min`,
          'CATALOG.FORM_RANGE',
          `字段“${f.label}”的最小值大于最大值`,
          `Field "${f.label}" has min above max`,
        ),
      );
  });
  const names = new Set<string>();
  guide.materials.forEach((m, i) => {
    if (m.originals + m.copies < 1) {
      out.push(
        violation(
          `materials.${i}.copies`,
          'CATALOG.MATERIAL_ZERO_COPIES',
          `材料“${m.name}”的原件和复印件份数不能都为 0`,
          `Material "${m.name}" needs at least one original or copy`,
        ),
      );
    }
    if (names.has(m.name))
      out.push(
        violation(
          `materials.${i}.name`,
          'CATALOG.MATERIAL_DUPLICATE',
          `材料“${m.name}”重复`,
          `Material "${m.name}" is listed twice`,
        ),
      );
    names.add(m.name);
    if (m.source === 'e_license' && !m.licenseType) {
      out.push(
        violation(
          `materials.${i}.licenseType`,
          'CATALOG.LICENSE_TYPE_MISSING',
          `材料“${m.name}”来源为电子证照库，须注明证照类型`,
          `Material "${m.name}" comes from the e-license library and must name the license type`,
        ),
      );
    }
  });
  if (guide.visits > 0 && guide.visitReason.trim() === '') {
    out.push(
      violation(
        'visitReason',
        'CATALOG.VISIT_REASON_MISSING',
        '到现场次数不为 0 时须说明必须现场办理的原因',
        'When a visit is required, the reason must be given',
      ),
    );
  }
  if (guide.visits === 0) {
    if (!guide.onlineDepth.includes(4) || !guide.onlineDepth.includes(5)) {
      out.push(
        violation(
          'onlineDepth',
          'CATALOG.ZERO_VISIT_NOT_ONLINE',
          '零跑腿事项须支持网上受理和网上办理（网上办理深度含 4、5）',
          'A zero-visit item must be accepted and handled online (online depth 4 and 5)',
        ),
      );
    }
    if (!guide.deliveryMethods.includes('post') && !guide.deliveryMethods.includes('online')) {
      out.push(
        violation(
          'deliveryMethods',
          'CATALOG.ZERO_VISIT_NO_DELIVERY',
          '零跑腿事项须提供邮寄或网上送达',
          'A zero-visit item must offer delivery by post or online',
        ),
      );
    }
  }
  if (new Set(guide.onlineDepth).size !== guide.onlineDepth.length) {
    out.push(
      violation('onlineDepth', 'CATALOG.DUPLICATE_DEPTH', '网上办理深度有重复值', 'Online depth lists a value twice'),
    );
  }
  const stepDays = guide.processSteps.reduce((s, p) => s + p.days, 0);
  if (stepDays > guide.legalLimitDays) {
    out.push(
      violation(
        'processSteps',
        'CATALOG.STEPS_EXCEED_LIMIT',
        `各环节时限之和（${stepDays}）超过法定时限（${guide.legalLimitDays}）`,
        `The steps' days (${stepDays}) exceed the legal limit (${guide.legalLimitDays})`,
      ),
    );
  }
  return out;
}

/** 权力清单 holds every administrative power (00–10); 公共服务清单 holds 公共服务 (20). */
export function listsOf(itemType: ItemGuide['itemType']): ('power' | 'service')[] {
  return itemType === '20' ? ['service'] : ['power'];
}
