/**
 * BPMN 2.0 exchange of process definitions, in a small structured subset (see README.md):
 *
 *   start → [choice ⟶ cond] split → userTask… → join [→ merge] → … → end
 *                      ⟶ default (skip) ─────────────────────↗
 *
 * Stage keys, task keys, departments, roles and limits travel as `tb:` attributes; the promised
 * limit and 秒批 rules as extension elements of the process. Conditions are written in the
 * expression language of `expression.ts`.
 */
import {
  ProcessDefinition,
  type Condition,
  type StageDefinition,
  type TaskDefinition,
} from '../../../../../contracts/cases.js';
import { unprocessable, type FieldError } from '../../../platform/errors.js';
import { EXPRESSION_LANGUAGE, formatConditions, parseConditions } from './expression.js';
import { valueFitsOp } from './validate.js';
import { DEFAULT_XML_LIMITS, attr, escapeXml, readXml, type XmlElement, type XmlLimits } from './xml.js';

export const BPMN_NS = 'http://www.omg.org/spec/BPMN/20100524/MODEL';
export const BPMNDI_NS = 'http://www.omg.org/spec/BPMN/20100524/DI';
export const DC_NS = 'http://www.omg.org/spec/DD/20100524/DC';
export const DI_NS = 'http://www.omg.org/spec/DD/20100524/DI';
export const XSI_NS = 'http://www.w3.org/2001/XMLSchema-instance';
/** Tongban's extension namespace, conventionally bound to the prefix `tb`. */
export const TB_NS = 'https://tongban.gov.cn/bpmn';

const violation = (field: string, code: string, zh: string, en: string): FieldError => ({
  field,
  code,
  message: { zh, en },
});

// ───────────────────────────── export ─────────────────────────────

type Kind = 'startEvent' | 'endEvent' | 'userTask' | 'parallelGateway' | 'exclusiveGateway';
interface Bounds {
  x: number;
  y: number;
  width: number;
  height: number;
}
interface OutNode {
  id: string;
  kind: Kind;
  name?: string;
  /** Extra attributes, already qualified (`tb:key`, `default`). */
  attrs: [string, string][];
  bounds: Bounds;
  incoming: string[];
  outgoing: string[];
}
interface OutFlow {
  id: string;
  source: OutNode;
  target: OutNode;
  name?: string;
  condition?: string;
  waypoints: [number, number][];
}

const SIZE: Record<Kind, [number, number]> = {
  startEvent: [36, 36],
  endEvent: [36, 36],
  userTask: [100, 80],
  parallelGateway: [50, 50],
  exclusiveGateway: [50, 50],
};
const GAP = 50;
const ROW = 100;

/**
 * The definition as a BPMN 2.0 document with a left-to-right diagram. Conditions must fit their
 * operators, since the expression language cannot say anything else; otherwise this throws an
 * Unprocessable error listing them (`validateDefinition` reports the same).
 */
export function exportBpmn(def: ProcessDefinition): string {
  const conditions: [string, Condition][] = [
    ...def.stages.flatMap((s, i) => s.when.map((c, k): [string, Condition] => [`stages.${i}.when.${k}.value`, c])),
    ...(def.autoApproval?.rules ?? []).map((c, k): [string, Condition] => [`autoApproval.rules.${k}.value`, c]),
  ];
  const misfits = conditions.filter(([, c]) => !valueFitsOp(c));
  if (misfits.length) {
    throw unprocessable(
      'CASES.CONDITION_VALUE_MISMATCH',
      {
        zh: '条件的比较值与运算符不符，无法导出为 BPMN',
        en: 'Some conditions have values that do not fit their operators and cannot be exported to BPMN',
      },
      misfits.map(([field, c]) =>
        violation(
          field,
          'CASES.CONDITION_VALUE_MISMATCH',
          `条件“${c.field}”的比较值不符合运算符 ${c.op}`,
          `The value of condition "${c.field}" does not fit operator ${c.op}`,
        ),
      ),
    );
  }

  const maxTasks = Math.max(...def.stages.map((s) => s.tasks.length));
  const cy = 100 + (maxTasks * ROW) / 2;
  const nodes: OutNode[] = [];
  const flows: OutFlow[] = [];
  let cursor = 100;

  const node = (id: string, kind: Kind, extra: Partial<OutNode> = {}, at?: { x: number; cy: number }): OutNode => {
    const [width, height] = SIZE[kind];
    const x = at?.x ?? cursor + GAP;
    const n: OutNode = {
      id,
      kind,
      attrs: [],
      incoming: [],
      outgoing: [],
      bounds: { x, y: (at?.cy ?? cy) - height / 2, width, height },
      ...extra,
    };
    nodes.push(n);
    if (!at) cursor = x + width;
    return n;
  };
  const mid = (n: OutNode): [number, number] => [n.bounds.x + n.bounds.width / 2, n.bounds.y + n.bounds.height / 2];
  const flow = (source: OutNode, target: OutNode, extra: Partial<OutFlow> = {}): OutFlow => {
    const [sx, sy] = mid(source);
    const [tx, ty] = mid(target);
    const right = source.bounds.x + source.bounds.width;
    const left = target.bounds.x;
    let waypoints: [number, number][];
    if (sy === ty)
      waypoints = [
        [right, sy],
        [left, ty],
      ];
    else if (source.kind === 'parallelGateway')
      waypoints = [
        [sx, sy + (ty > sy ? 25 : -25)],
        [sx, ty],
        [left, ty],
      ];
    else
      waypoints = [
        [right, sy],
        [tx, sy],
        [tx, ty + (sy > ty ? 25 : -25)],
      ];
    const f: OutFlow = { id: `Flow_${flows.length + 1}`, source, target, waypoints, ...extra };
    source.outgoing.push(f.id);
    target.incoming.push(f.id);
    flows.push(f);
    return f;
  };

  const start = node('StartEvent_1', 'startEvent', { name: '申请受理' });
  cursor = start.bounds.x + start.bounds.width;
  let previous = start;
  def.stages.forEach((stage, i) => {
    const id = `Stage${i + 1}`;
    const conditional = stage.when.length > 0;
    const choice = conditional
      ? node(`${id}_Choice`, 'exclusiveGateway', { name: `适用“${stage.name}”？` })
      : undefined;
    if (choice) flow(previous, choice);
    const split = node(`${id}_Split`, 'parallelGateway', { name: stage.name, attrs: [['tb:stage', stage.key]] });
    if (choice) flow(choice, split, { name: '适用', condition: formatConditions(stage.when) });
    else flow(previous, split);
    const column = stage.tasks.length * ROW - (ROW - SIZE.userTask[1]);
    const x = cursor + GAP;
    const tasks = stage.tasks.map((t, j) =>
      node(
        `${id}_Task${j + 1}`,
        'userTask',
        {
          name: t.name,
          attrs: [
            ['tb:key', t.key],
            ['tb:department', t.departmentId],
            ['tb:role', t.role],
            ['tb:limitDays', String(t.limitDays)],
          ],
        },
        { x, cy: cy - column / 2 + SIZE.userTask[1] / 2 + j * ROW },
      ),
    );
    cursor = x + SIZE.userTask[0];
    const join = node(`${id}_Join`, 'parallelGateway');
    for (const t of tasks) {
      flow(split, t);
      flow(t, join);
    }
    previous = join;
    if (choice) {
      const merge = node(`${id}_Merge`, 'exclusiveGateway');
      flow(join, merge);
      const skipY = cy - Math.max(SIZE.parallelGateway[1], column) / 2 - 40;
      const [cx] = mid(choice);
      const [mx] = mid(merge);
      const skip = flow(choice, merge, {
        name: '不适用',
        waypoints: [
          [cx, cy - 25],
          [cx, skipY],
          [mx, skipY],
          [mx, cy - 25],
        ],
      });
      choice.attrs.push(['default', skip.id]);
      previous = merge;
    }
  });
  const end = node('EndEvent_1', 'endEvent', { name: '办结' });
  flow(previous, end);

  return serialize(def, nodes, flows);
}

function serialize(def: ProcessDefinition, nodes: OutNode[], flows: OutFlow[]): string {
  const a = (name: string, value: string) => ` ${name}="${escapeXml(value)}"`;
  const lines: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<bpmn:definitions${a('xmlns:bpmn', BPMN_NS)}${a('xmlns:bpmndi', BPMNDI_NS)}${a('xmlns:dc', DC_NS)}${a('xmlns:di', DI_NS)}${a('xmlns:xsi', XSI_NS)}${a('xmlns:tb', TB_NS)} id="Definitions_1"${a('targetNamespace', TB_NS)} exporter="Tongban" exporterVersion="1">`,
    '  <bpmn:process id="Process_1" isExecutable="false">',
    '    <bpmn:extensionElements>',
    `      <tb:promisedLimit days="${def.promisedLimitDays}" />`,
  ];
  if (def.autoApproval) {
    lines.push('      <tb:autoApproval>');
    for (const rule of def.autoApproval.rules)
      lines.push(`        <tb:rule>${escapeXml(formatConditions([rule]))}</tb:rule>`);
    lines.push('      </tb:autoApproval>');
  }
  lines.push('    </bpmn:extensionElements>');
  for (const n of nodes) {
    const attrs = a('id', n.id) + (n.name ? a('name', n.name) : '') + n.attrs.map(([k, v]) => a(k, v)).join('');
    lines.push(`    <bpmn:${n.kind}${attrs}>`);
    for (const f of n.incoming) lines.push(`      <bpmn:incoming>${f}</bpmn:incoming>`);
    for (const f of n.outgoing) lines.push(`      <bpmn:outgoing>${f}</bpmn:outgoing>`);
    lines.push(`    </bpmn:${n.kind}>`);
  }
  for (const f of flows) {
    const attrs =
      a('id', f.id) + (f.name ? a('name', f.name) : '') + a('sourceRef', f.source.id) + a('targetRef', f.target.id);
    if (f.condition === undefined) lines.push(`    <bpmn:sequenceFlow${attrs} />`);
    else {
      lines.push(`    <bpmn:sequenceFlow${attrs}>`);
      lines.push(
        `      <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression"${a('language', EXPRESSION_LANGUAGE)}>${escapeXml(f.condition)}</bpmn:conditionExpression>`,
      );
      lines.push('    </bpmn:sequenceFlow>');
    }
  }
  lines.push('  </bpmn:process>');
  lines.push('  <bpmndi:BPMNDiagram id="BPMNDiagram_1">');
  lines.push('    <bpmndi:BPMNPlane id="BPMNPlane_1" bpmnElement="Process_1">');
  for (const n of nodes) {
    const b = n.bounds;
    const marker = n.kind === 'exclusiveGateway' ? ' isMarkerVisible="true"' : '';
    lines.push(`      <bpmndi:BPMNShape id="${n.id}_di" bpmnElement="${n.id}"${marker}>`);
    lines.push(`        <dc:Bounds x="${b.x}" y="${b.y}" width="${b.width}" height="${b.height}" />`);
    lines.push('      </bpmndi:BPMNShape>');
  }
  for (const f of flows) {
    lines.push(`      <bpmndi:BPMNEdge id="${f.id}_di" bpmnElement="${f.id}">`);
    for (const [x, y] of f.waypoints) lines.push(`        <di:waypoint x="${x}" y="${y}" />`);
    lines.push('      </bpmndi:BPMNEdge>');
  }
  lines.push('    </bpmndi:BPMNPlane>', '  </bpmndi:BPMNDiagram>', '</bpmn:definitions>', '');
  return lines.join('\n');
}

// ───────────────────────────── import ─────────────────────────────

export type BpmnImportResult = { ok: true; definition: ProcessDefinition } | { ok: false; errors: FieldError[] };

interface Node {
  id: string;
  kind: Kind;
  el: XmlElement;
  /** Position among the process's elements; orders parallel tasks. */
  index: number;
  in: Flow[];
  out: Flow[];
}
interface Flow {
  id: string;
  el: XmlElement;
  source: Node;
  target: Node;
  condition?: XmlElement;
}

const FLOW_NODE_KINDS = new Set<string>(['startEvent', 'endEvent', 'userTask', 'parallelGateway', 'exclusiveGateway']);
const NODE_CHILDREN = new Set(['incoming', 'outgoing', 'documentation', 'extensionElements']);
const FLOW_CHILDREN = new Set(['conditionExpression', 'documentation', 'extensionElements']);
const KIND_ZH: Record<Kind, string> = {
  startEvent: '开始事件',
  endEvent: '结束事件',
  userTask: '用户任务',
  parallelGateway: '并行网关',
  exclusiveGateway: '排他网关',
};

const is = (el: XmlElement, ns: string, local: string) => el.ns === ns && el.local === local;
const at = (id: string, what?: string) => (what ? `bpmn.${id}.${what}` : `bpmn.${id}`);

function unsupported(el: XmlElement, where: string): FieldError {
  const name = el.ns === BPMN_NS ? `bpmn:${el.local}` : `{${el.ns}}${el.local}`;
  const hint = el.local === 'task' ? '（请改用用户任务 userTask）' : '';
  const hintEn = el.local === 'task' ? ' (use a user task)' : '';
  return violation(
    where,
    'CASES.BPMN_UNSUPPORTED_ELEMENT',
    `不支持的元素 ${name}${hint}；仅支持开始/结束事件、用户任务、并行网关、排他网关和顺序流`,
    `Unsupported element ${name}${hintEn}; only start/end events, user tasks, parallel and exclusive gateways and sequence flows are allowed`,
  );
}

const XML_REFUSALS = {
  too_large: ['CASES.BPMN_TOO_LARGE', '文件过大', 'The document is too large'],
  doctype: [
    'CASES.BPMN_DOCTYPE',
    '不接受含 DOCTYPE 或实体声明的文件',
    'Documents with a DOCTYPE or entity declarations are not accepted',
  ],
  too_many_elements: ['CASES.BPMN_TOO_MANY_ELEMENTS', '元素数量过多', 'The document has too many elements'],
  too_deep: ['CASES.BPMN_TOO_DEEP', '元素嵌套层级过深', 'The document is nested too deeply'],
  malformed: ['CASES.BPMN_MALFORMED', '不是格式正确的 XML', 'The document is not well-formed XML'],
} as const;

/**
 * Reads a BPMN document back into a process definition, refusing anything outside the subset.
 * The result is shaped by the contract schema; context checks (departments, form fields, limits)
 * are `validateDefinition`'s job.
 */
export function importBpmn(xml: string, limits: XmlLimits = DEFAULT_XML_LIMITS): BpmnImportResult {
  const read = readXml(xml, limits);
  if (!read.ok) {
    const [code, zh, en] = XML_REFUSALS[read.reason];
    return { ok: false, errors: [violation('xml', code, `${zh}（${read.detail}）`, `${en} (${read.detail})`)] };
  }
  const root = read.root;
  if (!is(root, BPMN_NS, 'definitions')) {
    return {
      ok: false,
      errors: [
        violation(
          'xml',
          'CASES.BPMN_NOT_BPMN',
          '根元素不是 BPMN 2.0 的 definitions',
          'The root element is not a BPMN 2.0 definitions element',
        ),
      ],
    };
  }
  const errors: FieldError[] = [];
  const processes: XmlElement[] = [];
  for (const child of root.children) {
    if (is(child, BPMN_NS, 'process')) processes.push(child);
    else if (
      !(child.ns === BPMNDI_NS || is(child, BPMN_NS, 'documentation') || is(child, BPMN_NS, 'extensionElements'))
    )
      errors.push(unsupported(child, 'bpmn.definitions'));
  }
  if (processes.length !== 1) {
    errors.push(
      violation(
        'bpmn.definitions',
        'CASES.BPMN_PROCESS_COUNT',
        `须恰好包含一个流程，实际为 ${processes.length} 个`,
        `Exactly one process is expected, found ${processes.length}`,
      ),
    );
  }
  if (errors.length) return { ok: false, errors };
  const process = processes[0]!;
  const processId = attr(process, '', 'id') ?? 'process';

  // Elements and references.
  const nodes = new Map<string, Node>();
  const flowEls: XmlElement[] = [];
  let processExtension: XmlElement | undefined;
  const ids = new Set<string>();
  const seen = new Set<string>();
  process.children.forEach((el, index) => {
    if (el.ns !== BPMN_NS) return errors.push(unsupported(el, at(processId)));
    if (el.local === 'documentation') return;
    if (el.local === 'extensionElements') return void (processExtension = el);
    const isFlow = el.local === 'sequenceFlow';
    const id = attr(el, '', 'id');
    if (id) ids.add(id);
    if (!isFlow && !FLOW_NODE_KINDS.has(el.local)) return errors.push(unsupported(el, at(id ?? processId)));
    if (!id)
      return errors.push(
        violation(
          at(processId),
          'CASES.BPMN_MISSING_ATTRIBUTE',
          `${el.local} 元素缺少 id`,
          `A ${el.local} element has no id`,
        ),
      );
    if (seen.has(id))
      errors.push(
        violation(at(id), 'CASES.BPMN_DUPLICATE_ID', `元素 id“${id}”重复`, `Element id "${id}" is used twice`),
      );
    seen.add(id);
    const allowed = isFlow ? FLOW_CHILDREN : NODE_CHILDREN;
    for (const c of el.children) if (c.ns !== BPMN_NS || !allowed.has(c.local)) errors.push(unsupported(c, at(id)));
    if (isFlow) flowEls.push(el);
    else nodes.set(id, { id, kind: el.local as Kind, el, index, in: [], out: [] });
  });
  const flows: Flow[] = [];
  for (const el of flowEls) {
    const id = attr(el, '', 'id')!;
    const sourceId = attr(el, '', 'sourceRef');
    const targetId = attr(el, '', 'targetRef');
    const source = sourceId === undefined ? undefined : nodes.get(sourceId);
    const target = targetId === undefined ? undefined : nodes.get(targetId);
    if (!source || !target) {
      // A flow to an unsupported element is already reported through that element.
      if (
        (sourceId !== undefined && ids.has(sourceId) && !source) ||
        (targetId !== undefined && ids.has(targetId) && !target)
      )
        continue;
      errors.push(
        violation(
          at(id),
          'CASES.BPMN_BAD_REFERENCE',
          `顺序流“${id}”的起点或终点不存在`,
          `Sequence flow "${id}" has a missing or unknown source or target`,
        ),
      );
      continue;
    }
    const f: Flow = { id, el, source, target, condition: el.children.find((c) => c.local === 'conditionExpression') };
    source.out.push(f);
    target.in.push(f);
    flows.push(f);
  }
  if (errors.length) return { ok: false, errors };

  // One start, one end, no cycles, everything on a path from start to end.
  const all = [...nodes.values()];
  const starts = all.filter((n) => n.kind === 'startEvent');
  const ends = all.filter((n) => n.kind === 'endEvent');
  if (starts.length !== 1)
    errors.push(
      violation(
        at(processId),
        'CASES.BPMN_START_EVENT_COUNT',
        `须恰好有一个开始事件，实际为 ${starts.length} 个`,
        `Exactly one start event is expected, found ${starts.length}`,
      ),
    );
  if (ends.length !== 1)
    errors.push(
      violation(
        at(processId),
        'CASES.BPMN_END_EVENT_COUNT',
        `须恰好有一个结束事件，实际为 ${ends.length} 个`,
        `Exactly one end event is expected, found ${ends.length}`,
      ),
    );
  if (errors.length) return { ok: false, errors };
  const start = starts[0]!;
  const end = ends[0]!;
  errors.push(...checkGraph(all, start, end));
  if (errors.length) return { ok: false, errors };

  // Extension attributes, checked on every element so that all omissions show at once.
  const promised = readProcessExtension(processExtension, processId, errors);
  const tasks = new Map<string, TaskDefinition>();
  for (const n of all) if (n.kind === 'userTask') readTask(n, tasks, errors);

  const conditionalFlows = new Set<Flow>();
  const stages = walk(start, end, tasks, conditionalFlows, errors);
  if (errors.length) return { ok: false, errors };
  for (const f of flows) {
    if (f.condition && !conditionalFlows.has(f)) {
      errors.push(
        violation(
          at(f.id),
          'CASES.BPMN_MISPLACED_CONDITION',
          `顺序流“${f.id}”带有条件，但条件只能写在条件阶段排他网关的“适用”出流上`,
          `Sequence flow "${f.id}" carries a condition; conditions belong only on the flow from a choice gateway into its stage`,
        ),
      );
    }
  }
  if (errors.length) return { ok: false, errors };

  const parsed = ProcessDefinition.safeParse({
    stages,
    promisedLimitDays: promised.days,
    ...(promised.rules ? { autoApproval: { rules: promised.rules } } : {}),
  });
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.map((issue) => {
        const field = issue.path.map(String).join('.') || 'bpmn';
        return violation(
          field,
          'CASES.BPMN_INVALID_DEFINITION',
          `导入的流程定义不符合要求（${field}）：${issue.message}`,
          `The imported definition is invalid at ${field}: ${issue.message}`,
        );
      }),
    };
  }
  return { ok: true, definition: parsed.data };
}

function checkGraph(all: Node[], start: Node, end: Node): FieldError[] {
  const errors: FieldError[] = [];
  // Back edges of a depth-first search are exactly the flows that close a cycle.
  const state = new Map<Node, 'open' | 'done'>();
  for (const root of all) {
    if (state.has(root)) continue;
    const stack: [Node, number][] = [[root, 0]];
    state.set(root, 'open');
    while (stack.length) {
      const top = stack[stack.length - 1]!;
      const [n, i] = top;
      if (i >= n.out.length) {
        state.set(n, 'done');
        stack.pop();
        continue;
      }
      top[1] = i + 1;
      const f = n.out[i]!;
      const s = state.get(f.target);
      if (s === 'open')
        errors.push(
          violation(
            at(f.id),
            'CASES.BPMN_CYCLE',
            `顺序流“${f.id}”构成回路；流程不得循环`,
            `Sequence flow "${f.id}" closes a cycle; processes must not loop`,
          ),
        );
      else if (!s) {
        state.set(f.target, 'open');
        stack.push([f.target, 0]);
      }
    }
  }
  const reach = (from: Node, next: (n: Node) => Node[]) => {
    const seen = new Set([from]);
    const queue = [from];
    for (let n = queue.pop(); n; n = queue.pop()) for (const m of next(n)) if (!seen.has(m)) seen.add(m), queue.push(m);
    return seen;
  };
  const fromStart = reach(start, (n) => n.out.map((f) => f.target));
  const toEnd = reach(end, (n) => n.in.map((f) => f.source));
  for (const n of all) {
    const label = `${KIND_ZH[n.kind]}“${attr(n.el, '', 'name') ?? n.id}”`;
    if (!fromStart.has(n))
      errors.push(
        violation(
          at(n.id),
          'CASES.BPMN_UNREACHABLE',
          `${label}无法从开始事件到达`,
          `${n.kind} "${n.id}" cannot be reached from the start event`,
        ),
      );
    else if (!toEnd.has(n))
      errors.push(
        violation(
          at(n.id),
          'CASES.BPMN_DANGLING_BRANCH',
          `${label}之后的分支无法到达结束事件`,
          `The branch through ${n.kind} "${n.id}" never reaches the end event`,
        ),
      );
  }
  return errors;
}

function missing(id: string, what: string, zh: string): FieldError {
  return violation(
    at(id, what),
    'CASES.BPMN_MISSING_ATTRIBUTE',
    `元素“${id}”缺少${zh}（${what}）`,
    `Element "${id}" lacks ${what}`,
  );
}

function readDays(
  id: string,
  what: string,
  raw: string | undefined,
  zh: string,
  errors: FieldError[],
): number | undefined {
  if (raw === undefined) return void errors.push(missing(id, what, zh));
  if (!/^\d{1,4}$/.test(raw.trim()))
    return void errors.push(
      violation(
        at(id, what),
        'CASES.BPMN_BAD_ATTRIBUTE',
        `元素“${id}”的${zh}须为非负整数，实际为“${raw}”`,
        `${what} of "${id}" must be a whole number of days, not "${raw}"`,
      ),
    );
  return Number(raw.trim());
}

function readProcessExtension(
  ext: XmlElement | undefined,
  processId: string,
  errors: FieldError[],
): { days: number | undefined; rules?: Condition[] } {
  let days: number | undefined;
  let rules: Condition[] | undefined;
  let sawLimit = false;
  for (const el of ext?.children ?? []) {
    if (el.ns !== TB_NS) continue; // other tools' extensions are ignored
    if (el.local === 'promisedLimit') {
      sawLimit = true;
      days = readDays(processId, 'promisedLimit', attr(el, '', 'days'), '承诺时限', errors);
    } else if (el.local === 'autoApproval') {
      rules = [];
      el.children.forEach((r, k) => {
        if (!(r.ns === TB_NS && r.local === 'rule')) return errors.push(unsupported(r, at(processId, 'autoApproval')));
        const parsed = parseConditions(r.text);
        if (!parsed.ok) return errors.push(badExpression(at(processId, `autoApproval.${k}`), r.text, parsed.reason));
        rules!.push(...parsed.conditions);
      });
    } else errors.push(unsupported(el, at(processId, 'extensionElements')));
  }
  if (!sawLimit) errors.push(missing(processId, 'promisedLimit', '承诺时限扩展元素 tb:promisedLimit'));
  return { days, rules };
}

function badExpression(field: string, text: string, reason: string): FieldError {
  return violation(
    field,
    'CASES.BPMN_BAD_EXPRESSION',
    `条件表达式“${text.trim()}”无法解析：${reason}`,
    `Cannot read the condition "${text.trim()}": ${reason}`,
  );
}

function readTask(n: Node, tasks: Map<string, TaskDefinition>, errors: FieldError[]): void {
  const before = errors.length;
  const get = (what: string, zh: string, ns = TB_NS) => {
    const v = attr(n.el, ns, what);
    if (v === undefined) errors.push(missing(n.id, ns ? `tb:${what}` : what, zh));
    return v;
  };
  const name = get('name', '名称', '');
  const key = get('key', '环节标识');
  const departmentId = get('department', '承办部门');
  const role = get('role', '岗位角色');
  const limitDays = readDays(n.id, 'tb:limitDays', attr(n.el, TB_NS, 'limitDays'), '环节时限', errors);
  if (errors.length > before) return;
  // The role is passed through as read; the contract schema refuses unknown roles.
  tasks.set(n.id, {
    key: key!,
    name: name!,
    departmentId: departmentId!,
    role: role as TaskDefinition['role'],
    limitDays: limitDays!,
  });
}

function unstructured(n: Node, zh: string, en: string): FieldError {
  return violation(
    at(n.id),
    'CASES.BPMN_UNSTRUCTURED',
    `${KIND_ZH[n.kind]}“${n.id}”：${zh}`,
    `${n.kind} "${n.id}": ${en}`,
  );
}

/** Follows the single path of stages from start to end; stops at the first shape outside the subset. */
function walk(
  start: Node,
  end: Node,
  tasks: Map<string, TaskDefinition>,
  conditionalFlows: Set<Flow>,
  errors: FieldError[],
): StageDefinition[] {
  const stages: StageDefinition[] = [];
  const stop = (e: FieldError) => (errors.push(e), stages);
  const only = (n: Node): Node | undefined => (n.out.length === 1 ? n.out[0]!.target : undefined);

  if (start.in.length || start.out.length !== 1)
    return stop(
      unstructured(
        start,
        '开始事件须有且仅有一条出流、无入流',
        'a start event has exactly one outgoing flow and none incoming',
      ),
    );
  let cur = only(start)!;
  while (cur !== end) {
    let when: Condition[] = [];
    let choice: Node | undefined;
    let skip: Flow | undefined;
    let split = cur;
    if (cur.kind === 'exclusiveGateway') {
      choice = cur;
      if (choice.in.length !== 1 || choice.out.length !== 2)
        return stop(
          unstructured(
            choice,
            '用于条件阶段的排他网关须有一条入流和两条出流（适用 / 默认跳过）',
            'a choice has one incoming flow and two outgoing: the condition and the default skip',
          ),
        );
      const defaultId = attr(choice.el, '', 'default');
      skip = choice.out.find((f) => f.id === defaultId);
      const cond = choice.out.find((f) => f !== skip)!;
      if (!skip)
        return stop(
          violation(
            at(choice.id),
            'CASES.BPMN_NO_DEFAULT_FLOW',
            `排他网关“${choice.id}”须将跳过阶段的出流设为默认流`,
            `Exclusive gateway "${choice.id}" must mark the flow that skips the stage as its default`,
          ),
        );
      if (!cond.condition)
        return stop(
          violation(
            at(cond.id),
            'CASES.BPMN_BAD_EXPRESSION',
            `顺序流“${cond.id}”缺少条件表达式`,
            `Sequence flow "${cond.id}" has no condition expression`,
          ),
        );
      const language = attr(cond.condition, '', 'language');
      if (language !== undefined && language !== EXPRESSION_LANGUAGE)
        return stop(badExpression(at(cond.id), cond.condition.text, `unknown language ${language}`));
      const parsed = parseConditions(cond.condition.text);
      if (!parsed.ok) return stop(badExpression(at(cond.id), cond.condition.text, parsed.reason));
      when = parsed.conditions;
      conditionalFlows.add(cond);
      split = cond.target;
    }
    if (split.kind === 'userTask') return stop(taskOutside(split));
    if (split.kind !== 'parallelGateway')
      return stop(
        unstructured(split, '此处应为阶段开始的并行网关', 'a parallel gateway opening a stage is expected here'),
      );
    if (split.in.length !== 1 || split.out.length < 1)
      return stop(unstructured(split, '阶段开始的并行网关须有一条入流', 'a stage split has exactly one incoming flow'));

    const members = split.out.map((f) => f.target);
    const stray = members.find((t) => t.kind !== 'userTask');
    if (stray)
      return stop(
        unstructured(
          split,
          '并行网关的每条出流须直接连到一个用户任务',
          'every branch of a stage split leads directly to one user task',
        ),
      );
    for (const t of members)
      if (t.in.length !== 1 || t.out.length !== 1 || t.out[0]!.target.kind !== 'parallelGateway')
        return stop(taskOutside(t));
    const join = members[0]!.out[0]!.target;
    if (members.some((t) => t.out[0]!.target !== join) || join.in.length !== members.length)
      return stop(
        unstructured(
          split,
          '阶段内各任务须汇合到同一个并行网关',
          'the tasks of a stage must all join at one parallel gateway',
        ),
      );
    if (join.out.length !== 1)
      return stop(unstructured(join, '汇合网关须有且仅有一条出流', 'a join has exactly one outgoing flow'));

    const key = attr(split.el, TB_NS, 'stage');
    const name = attr(split.el, '', 'name');
    if (key === undefined) errors.push(missing(split.id, 'tb:stage', '阶段标识'));
    if (name === undefined) errors.push(missing(split.id, 'name', '阶段名称'));
    const stageTasks = [...members].sort((a, b) => a.index - b.index).map((t) => tasks.get(t.id));
    if (key !== undefined && name !== undefined && stageTasks.every((t) => t))
      stages.push({ key, name, tasks: stageTasks as TaskDefinition[], when });

    cur = only(join)!;
    if (choice && skip) {
      const merge = cur;
      if (
        merge.kind !== 'exclusiveGateway' ||
        skip.target !== merge ||
        merge.in.length !== 2 ||
        merge.out.length !== 1
      ) {
        return stop(
          unstructured(
            choice,
            '条件阶段须在其汇合网关之后由一个排他网关合并跳过流',
            'a conditional stage ends in an exclusive gateway that merges the stage with the skip flow',
          ),
        );
      }
      cur = only(merge)!;
    }
  }
  return stages;
}

function taskOutside(t: Node): FieldError {
  return violation(
    at(t.id),
    'CASES.BPMN_TASK_OUTSIDE_STAGE',
    `用户任务“${attr(t.el, '', 'name') ?? t.id}”须位于一对并行网关（分支与汇合）之间，且前后各只有一条顺序流`,
    `User task "${t.id}" must sit between a parallel split and a parallel join, with one flow in and one out`,
  );
}
