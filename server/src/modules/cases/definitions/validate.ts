/**
 * Invariants of a process definition that span fields or need context (the department catalogue,
 * the item's legal limit, the item's form). Every violation is reported at once so that an editor
 * sees all problems together.
 */
import type { Condition, ProcessDefinition } from '../../../../../contracts/cases.js';
import type { FieldError } from '../../../platform/errors.js';

export interface DefinitionContext {
  /** Departments known to the catalogue. */
  departmentIds: Set<string>;
  /** 法定时限 of the item, in working days. */
  itemLegalLimitDays?: number;
  /**
   * Paths of the item's form fields (`business.area`). A condition may name a field or a group
   * that contains fields (`business`). Unchecked when absent.
   */
  formFields?: Set<string>;
}

const violation = (field: string, code: string, zh: string, en: string): FieldError => ({
  field,
  code,
  message: { zh, en },
});

const OP_ZH: Record<Condition['op'], string> = {
  eq: '等于',
  ne: '不等于',
  gt: '大于',
  gte: '大于等于',
  lt: '小于',
  lte: '小于等于',
  in: '属于',
  truthy: '为真',
  falsy: '为假',
};

/**
 * Whether a condition's value fits its operator: `eq`/`ne` compare with one string, number or
 * boolean; `gt`/`gte`/`lt`/`lte` with a number; `in` with a list; `truthy`/`falsy` take no value.
 */
export function valueFitsOp(c: Condition): boolean {
  const v = c.value;
  switch (c.op) {
    case 'eq':
    case 'ne':
      return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte':
      return typeof v === 'number';
    case 'in':
      return Array.isArray(v);
    case 'truthy':
    case 'falsy':
      return v === undefined;
  }
}

function valueMismatch(path: string, c: Condition): FieldError {
  const [zh, en] = ((): [string, string] => {
    switch (c.op) {
      case 'eq':
      case 'ne':
        return ['须为一个字符串、数字或布尔值', 'needs one string, number or boolean'];
      case 'gt':
      case 'gte':
      case 'lt':
      case 'lte':
        return ['须为数字', 'needs a number'];
      case 'in':
        return ['须为取值列表', 'needs a list of values'];
      case 'truthy':
      case 'falsy':
        return ['不应填写比较值', 'takes no value'];
    }
  })();
  return violation(
    `${path}.value`,
    'CASES.CONDITION_VALUE_MISMATCH',
    `条件“${c.field} ${OP_ZH[c.op]}”的比较值${zh}`,
    `Condition "${c.field} ${c.op}" ${en}`,
  );
}

function knownField(fields: Set<string>, path: string): boolean {
  if (fields.has(path)) return true;
  const prefix = `${path}.`;
  for (const f of fields) if (f.startsWith(prefix)) return true;
  return false;
}

function checkConditions(
  conditions: readonly Condition[],
  base: string,
  ctx: DefinitionContext,
  unknownField: (path: string, c: Condition) => FieldError,
): FieldError[] {
  const out: FieldError[] = [];
  conditions.forEach((c, k) => {
    const path = `${base}.${k}`;
    if (ctx.formFields && !knownField(ctx.formFields, c.field)) out.push(unknownField(`${path}.field`, c));
    if (!valueFitsOp(c)) out.push(valueMismatch(path, c));
  });
  return out;
}

/** The working days a case takes when every stage applies: each stage lasts as long as its longest task. */
export function longestPathDays(def: ProcessDefinition): number {
  return def.stages.reduce((sum, s) => sum + Math.max(0, ...s.tasks.map((t) => t.limitDays)), 0);
}

/** Every violation of the definition's invariants; empty when the definition is sound. */
export function validateDefinition(def: ProcessDefinition, ctx: DefinitionContext): FieldError[] {
  const out: FieldError[] = [];
  const stageKeys = new Set<string>();
  const taskKeys = new Set<string>();

  def.stages.forEach((stage, i) => {
    if (stageKeys.has(stage.key)) {
      out.push(
        violation(
          `stages.${i}.key`,
          'CASES.DUPLICATE_STAGE_KEY',
          `阶段标识“${stage.key}”重复`,
          `Stage key "${stage.key}" is used twice`,
        ),
      );
    }
    stageKeys.add(stage.key);
    stage.tasks.forEach((task, j) => {
      const path = `stages.${i}.tasks.${j}`;
      if (taskKeys.has(task.key)) {
        out.push(
          violation(
            `${path}.key`,
            'CASES.DUPLICATE_TASK_KEY',
            `环节标识“${task.key}”重复（环节标识在整个流程内须唯一）`,
            `Task key "${task.key}" is used twice (task keys are unique across the process)`,
          ),
        );
      }
      taskKeys.add(task.key);
      if (!ctx.departmentIds.has(task.departmentId)) {
        out.push(
          violation(
            `${path}.departmentId`,
            'CASES.UNKNOWN_DEPARTMENT',
            `环节“${task.name}”的承办部门不存在`,
            `The department of task "${task.name}" does not exist`,
          ),
        );
      }
    });
    out.push(
      ...checkConditions(stage.when, `stages.${i}.when`, ctx, (field, c) =>
        violation(
          field,
          'CASES.UNKNOWN_CONDITION_FIELD',
          `阶段“${stage.name}”的适用条件引用了表单中没有的字段“${c.field}”`,
          `The condition of stage "${stage.name}" refers to "${c.field}", which is not a field of the form`,
        ),
      ),
    );
  });

  if (def.autoApproval) {
    out.push(
      ...checkConditions(def.autoApproval.rules, 'autoApproval.rules', ctx, (field, c) =>
        violation(
          field,
          'CASES.UNKNOWN_RULE_FIELD',
          `秒批规则引用了表单中没有的字段“${c.field}”`,
          `An auto-approval rule refers to "${c.field}", which is not a field of the form`,
        ),
      ),
    );
  }

  const promised = def.promisedLimitDays;
  if (ctx.itemLegalLimitDays !== undefined && promised > ctx.itemLegalLimitDays) {
    out.push(
      violation(
        'promisedLimitDays',
        'CASES.PROMISED_EXCEEDS_LEGAL',
        `承诺时限（${promised} 个工作日）不得长于法定时限（${ctx.itemLegalLimitDays} 个工作日）`,
        `The promised limit (${promised} working days) must not exceed the legal limit (${ctx.itemLegalLimitDays})`,
      ),
    );
  }
  const longest = longestPathDays(def);
  if (promised < longest) {
    out.push(
      violation(
        'promisedLimitDays',
        'CASES.PROMISED_BELOW_PATH',
        `承诺时限（${promised} 个工作日）短于各阶段最长环节时限之和（${longest} 个工作日），承诺无法兑现`,
        `The promised limit (${promised} working days) is shorter than the longest path through the stages (${longest}), so it could never be kept`,
      ),
    );
  }

  if (def.stages.every((s) => s.when.length > 0) && !def.autoApproval) {
    out.push(
      violation(
        'stages',
        'CASES.ALL_STAGES_CONDITIONAL',
        '所有阶段均附有适用条件，案件可能无任何环节可办；请至少设置一个无条件阶段或秒批规则',
        'Every stage is conditional, so a case could have no work at all; make one stage unconditional or add auto-approval rules',
      ),
    );
  }
  return out;
}
