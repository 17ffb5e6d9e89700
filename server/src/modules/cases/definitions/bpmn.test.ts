import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ProcessDefinition } from '../../../../../contracts/cases.js';
import { BPMN_NS, BPMNDI_NS, exportBpmn, importBpmn } from './bpmn.js';
import { condition, processDefinition } from './definition.arbitrary.js';
import { formatConditions, parseConditions } from './expression.js';
import { readXml, type XmlElement } from './xml.js';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name), 'utf8');

const MARKET = '3f2b8c1e-5d4a-4e6b-9c7d-1a2b3c4d5e6f';
const FIRE = '8a7b6c5d-4e3f-4a1b-8c2d-3e4f5a6b7c8d';

const sample = ProcessDefinition.parse({
  promisedLimitDays: 15,
  stages: [
    {
      key: 'review',
      name: '材料审查',
      tasks: [{ key: 'check-papers', name: '审查申请材料', departmentId: MARKET, limitDays: 3 }],
    },
    {
      key: 'inspect',
      name: '现场核查',
      when: [
        { field: 'business.area', op: 'gt', value: 100 },
        { field: 'business.kind', op: 'in', value: ['restaurant', 'canteen'] },
      ],
      tasks: [
        { key: 'fire-check', name: '消防安全检查', departmentId: FIRE, role: 'department_head', limitDays: 5 },
        { key: 'site-visit', name: '经营场所现场核查', departmentId: MARKET, limitDays: 4 },
      ],
    },
    {
      key: 'decide',
      name: '审批决定',
      tasks: [{ key: 'decide', name: '作出许可决定', departmentId: MARKET, role: 'department_head', limitDays: 2 }],
    },
  ],
  autoApproval: {
    rules: [
      { field: 'applicant.creditScore', op: 'gte', value: 700 },
      { field: 'applicant.blacklisted', op: 'falsy' },
    ],
  },
});

const refusal = (xml: string) => {
  const r = importBpmn(xml);
  if (r.ok) throw new Error('expected the document to be refused');
  return r.errors;
};
const codesOf = (xml: string) => refusal(xml).map((e) => e.code);

function all(el: XmlElement): XmlElement[] {
  return [el, ...el.children.flatMap(all)];
}

describe('conditions as expressions', () => {
  it('reads back what it writes', () => {
    fc.assert(
      fc.property(fc.array(condition, { minLength: 1, maxLength: 5 }), (conditions) => {
        expect(parseConditions(formatConditions(conditions))).toEqual({ ok: true, conditions });
      }),
    );
  });

  it('reads the forms people write by hand', () => {
    expect(
      parseConditions(
        '${business.area > 100 && business.kind in ["a", 2] && !chain && licensed && kind == "食品" && n != -1.5e3}',
      ),
    ).toEqual({
      ok: true,
      conditions: [
        { field: 'business.area', op: 'gt', value: 100 },
        { field: 'business.kind', op: 'in', value: ['a', 2] },
        { field: 'chain', op: 'falsy' },
        { field: 'licensed', op: 'truthy' },
        { field: 'kind', op: 'eq', value: '食品' },
        { field: 'n', op: 'ne', value: -1500 },
      ],
    });
    expect(parseConditions('in in []')).toEqual({ ok: true, conditions: [{ field: 'in', op: 'in', value: [] }] });
    expect(parseConditions('flag == true')).toEqual({
      ok: true,
      conditions: [{ field: 'flag', op: 'eq', value: true }],
    });
  });

  it('refuses what the language cannot say', () => {
    for (const bad of [
      '',
      '${}',
      'a || b',
      'a > "1"',
      'a in [true]',
      'a == b',
      'a > 1 &&',
      '1 > a',
      'a >',
      'a in ["x"',
      'a > 1e999',
      'a = 1',
      "a == 'x'",
    ]) {
      expect(parseConditions(bad).ok, bad).toBe(false);
    }
  });
});

describe('exportBpmn', () => {
  const xml = exportBpmn(sample);
  const read = readXml(xml);
  if (!read.ok) throw new Error(read.detail);
  const elements = all(read.root);
  const process = elements.filter((e) => e.ns === BPMN_NS && e.local === 'process')[0]!;
  const id = (e: XmlElement) => e.attrs.get('id');

  it('writes the BPMN 2.0 model with a gateway pair per stage and a choice around the conditional one', () => {
    expect(read.root.ns).toBe(BPMN_NS);
    const kinds = process.children
      .filter((e) => e.local !== 'sequenceFlow' && e.local !== 'extensionElements')
      .map((e) => e.local);
    expect(kinds).toEqual([
      'startEvent',
      ...['parallelGateway', 'userTask', 'parallelGateway'],
      ...['exclusiveGateway', 'parallelGateway', 'userTask', 'userTask', 'parallelGateway', 'exclusiveGateway'],
      ...['parallelGateway', 'userTask', 'parallelGateway'],
      'endEvent',
    ]);
    const choice = process.children.find((e) => e.local === 'exclusiveGateway')!;
    const conditional = process.children.find(
      (e) => e.local === 'sequenceFlow' && e.attrs.get('sourceRef') === id(choice) && e.children.length > 0,
    )!;
    expect(conditional.children[0]!.text).toBe('${business.area > 100 && business.kind in ["restaurant", "canteen"]}');
    expect(xml).toContain('&gt; 100');
    const skip = process.children.find((e) => e.attrs.get('id') === choice.attrs.get('default'))!;
    expect(skip.children).toEqual([]);
  });

  it('gives every node a shape and every flow an edge, laid out left to right', () => {
    const diagram = elements.filter((e) => e.ns === BPMNDI_NS);
    const shapes = new Map(
      diagram.filter((e) => e.local === 'BPMNShape').map((s) => [s.attrs.get('bpmnElement'), s.children[0]!]),
    );
    const edges = new Map(
      diagram.filter((e) => e.local === 'BPMNEdge').map((s) => [s.attrs.get('bpmnElement'), s.children]),
    );
    const nodes = process.children.filter((e) => e.local !== 'sequenceFlow' && e.local !== 'extensionElements');
    const flows = process.children.filter((e) => e.local === 'sequenceFlow');
    expect([...shapes.keys()].sort()).toEqual(nodes.map(id).sort());
    expect([...edges.keys()].sort()).toEqual(flows.map(id).sort());
    const x = (nodeId: string | undefined) => Number(shapes.get(nodeId)!.attrs.get('x'));
    for (const f of flows) {
      expect(x(f.attrs.get('targetRef'))).toBeGreaterThan(x(f.attrs.get('sourceRef')));
      expect(edges.get(id(f))!.length).toBeGreaterThanOrEqual(2);
    }
    const tasks = nodes.filter((e) => e.local === 'userTask').map((t) => shapes.get(id(t))!);
    const boxes = tasks.map(
      (b) => ['x', 'y', 'width', 'height'].map((k) => Number(b.attrs.get(k))) as [number, number, number, number],
    );
    for (const [i, a] of boxes.entries())
      for (const b of boxes.slice(i + 1)) {
        const overlap = a[0] < b[0] + b[2] && b[0] < a[0] + a[2] && a[1] < b[1] + b[3] && b[1] < a[1] + a[3];
        expect(overlap).toBe(false);
      }
  });

  it('fits the largest definition the contract allows under the import limits', () => {
    const big = ProcessDefinition.parse({
      promisedLimitDays: 365,
      stages: Array.from({ length: 20 }, (_, i) => ({
        key: `stage-${i}`,
        name: '审'.repeat(100),
        when: Array.from({ length: 10 }, (_, k) => ({
          field: `f${k}.${'x'.repeat(40)}`,
          op: 'in',
          value: ['一'.repeat(20), 12345.678],
        })),
        tasks: Array.from({ length: 20 }, (_, j) => ({
          key: `t-${i}-${j}`,
          name: '查'.repeat(100),
          departmentId: MARKET,
          limitDays: 365,
        })),
      })),
      autoApproval: {
        rules: Array.from({ length: 20 }, (_, k) => ({ field: `rule${k}`, op: 'eq', value: '办'.repeat(50) })),
      },
    });
    const out = exportBpmn(big);
    expect(Buffer.byteLength(out)).toBeLessThan(1024 * 1024);
    expect(importBpmn(out)).toEqual({ ok: true, definition: big });
  });

  it('refuses to write a condition whose value does not fit its operator', () => {
    const bad = ProcessDefinition.parse({ ...sample, autoApproval: { rules: [{ field: 'a', op: 'gt', value: 'x' }] } });
    expect(() => exportBpmn(bad)).toThrow(
      expect.objectContaining({
        code: 'CASES.CONDITION_VALUE_MISMATCH',
        errors: [expect.objectContaining({ field: 'autoApproval.rules.0.value' })],
      }),
    );
  });
});

describe('importBpmn', () => {
  it('reads back every valid definition it exports', () => {
    fc.assert(
      fc.property(processDefinition, (def) => {
        expect(importBpmn(exportBpmn(def))).toEqual({ ok: true, definition: def });
      }),
      { numRuns: 200 },
    );
    // 200 round trips of XML: about a second alone, over five on a loaded machine.
  }, 30_000);

  it('imports a diagram saved by bpmn.io, with its own ids, layout, labels and documentation', () => {
    expect(importBpmn(fixture('food-licence.bpmn'))).toEqual({ ok: true, definition: sample });
  });

  it('accepts a byte-order mark and Windows line endings', () => {
    expect(importBpmn(`\uFEFF${fixture('food-licence.bpmn').replace(/\n/g, '\r\n')}`)).toEqual({
      ok: true,
      definition: sample,
    });
  });

  it('accepts the default namespace, other prefixes, CDATA and foreign extensions', () => {
    const xml = exportBpmn(sample)
      .replace(/bpmn:/g, '')
      .replace('xmlns:bpmn=', 'xmlns=')
      .replace(/tb:/g, 'tong:')
      .replace('xmlns:tb=', 'xmlns:tb="urn:other" xmlns:tong=')
      .replace(
        />(\$\{business[^<]*)</,
        (_, expr: string) =>
          `><![CDATA[${expr
            .replace(/&gt;/g, '>')
            .replace(/&amp;/g, '&')
            .replace(/&quot;/g, '"')}]]><`,
      )
      .replace(
        '<extensionElements>',
        '<extensionElements><camunda:properties xmlns:camunda="http://camunda.org/schema/1.0/bpmn" />',
      );
    expect(xml).toContain('CDATA[${business.area > 100');
    expect(importBpmn(xml)).toEqual({ ok: true, definition: sample });
  });

  const refused: [string, string[]][] = [
    ['cycle.bpmn', ['CASES.BPMN_CYCLE']],
    ['task-outside-stage.bpmn', ['CASES.BPMN_TASK_OUTSIDE_STAGE']],
    ['dangling-branch.bpmn', ['CASES.BPMN_DANGLING_BRANCH']],
    ['unreachable-task.bpmn', ['CASES.BPMN_UNREACHABLE']],
    ['unsupported-elements.bpmn', ['CASES.BPMN_UNSUPPORTED_ELEMENT', 'CASES.BPMN_UNSUPPORTED_ELEMENT']],
    [
      'missing-attributes.bpmn',
      [
        'CASES.BPMN_MISSING_ATTRIBUTE',
        'CASES.BPMN_MISSING_ATTRIBUTE',
        'CASES.BPMN_MISSING_ATTRIBUTE',
        'CASES.BPMN_MISSING_ATTRIBUTE',
      ],
    ],
    ['no-default-flow.bpmn', ['CASES.BPMN_NO_DEFAULT_FLOW']],
    ['xxe.bpmn', ['CASES.BPMN_DOCTYPE']],
  ];
  it.each(refused)('refuses %s', (name, codes) => {
    const errors = refusal(fixture(`refused/${name}`));
    expect(errors.map((e) => e.code)).toEqual(codes);
    for (const e of errors) expect(e.message.zh).toMatch(/[\u4e00-\u9fff]/);
  });

  it('points at the offending elements', () => {
    expect(refusal(fixture('refused/cycle.bpmn')).map((e) => e.field)).toEqual(['bpmn.Back']);
    expect(refusal(fixture('refused/unreachable-task.bpmn')).map((e) => e.field)).toEqual(['bpmn.Orphan']);
    expect(refusal(fixture('refused/dangling-branch.bpmn')).map((e) => e.field)).toEqual(['bpmn.Archive']);
    expect(refusal(fixture('refused/missing-attributes.bpmn')).map((e) => e.field)).toEqual([
      'bpmn.Process_1.promisedLimit',
      'bpmn.Review.tb:department',
      'bpmn.Review.tb:limitDays',
      'bpmn.Split.tb:stage',
    ]);
    expect(refusal(fixture('refused/unsupported-elements.bpmn')).map((e) => e.message.en)).toEqual([
      expect.stringContaining('timerEventDefinition'),
      expect.stringContaining('serviceTask'),
    ]);
  });

  describe('refuses variants of a valid export', () => {
    const xml = exportBpmn(sample);
    const cases: [string, (x: string) => string, string][] = [
      ['not XML', () => '<bpmn:definitions', 'CASES.BPMN_MALFORMED'],
      ['mismatched tags', (x) => x.replace('</bpmn:process>', '</bpmn:proc>'), 'CASES.BPMN_MALFORMED'],
      [
        'an undeclared prefix',
        (x) => x.replace('<bpmn:startEvent', '<zz:startEvent').replace('</bpmn:startEvent>', '</zz:startEvent>'),
        'CASES.BPMN_MALFORMED',
      ],
      [
        'another root',
        () => '<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"/>',
        'CASES.BPMN_NOT_BPMN',
      ],
      [
        'two processes',
        (x) => x.replace('<bpmndi:BPMNDiagram', '<bpmn:process id="P2" /><bpmndi:BPMNDiagram'),
        'CASES.BPMN_PROCESS_COUNT',
      ],
      [
        'a collaboration',
        (x) => x.replace('<bpmndi:BPMNDiagram', '<bpmn:collaboration id="C" /><bpmndi:BPMNDiagram'),
        'CASES.BPMN_UNSUPPORTED_ELEMENT',
      ],
      ['a plain task', (x) => x.replace(/userTask/g, 'task'), 'CASES.BPMN_UNSUPPORTED_ELEMENT'],
      [
        'a loop marker',
        (x) =>
          x.replace(
            '<bpmn:incoming>Flow_2</bpmn:incoming>',
            '<bpmn:incoming>Flow_2</bpmn:incoming><bpmn:standardLoopCharacteristics />',
          ),
        'CASES.BPMN_UNSUPPORTED_ELEMENT',
      ],
      ['a duplicate id', (x) => x.replace('id="Stage1_Join"', 'id="Stage1_Split"'), 'CASES.BPMN_DUPLICATE_ID'],
      [
        'a flow to nowhere',
        (x) => x.replace('targetRef="EndEvent_1"', 'targetRef="Nowhere"'),
        'CASES.BPMN_BAD_REFERENCE',
      ],
      [
        'two end events',
        (x) => x.replace('<bpmn:endEvent', '<bpmn:endEvent id="E2" /><bpmn:endEvent'),
        'CASES.BPMN_END_EVENT_COUNT',
      ],
      ['no start event', (x) => x.replace(/startEvent/g, 'endEvent'), 'CASES.BPMN_START_EVENT_COUNT'],
      ['a task limit in words', (x) => x.replace('tb:limitDays="3"', 'tb:limitDays="三"'), 'CASES.BPMN_BAD_ATTRIBUTE'],
      [
        'an unreadable condition',
        (x) => x.replace('business.area &gt; 100', 'business.area &gt; &quot;大&quot;'),
        'CASES.BPMN_BAD_EXPRESSION',
      ],
      [
        'a foreign expression language',
        (x) => x.replace('language="https://tongban.gov.cn/bpmn/condition"', 'language="javascript"'),
        'CASES.BPMN_BAD_EXPRESSION',
      ],
      [
        'an unreadable 秒批 rule',
        (x) => x.replace('applicant.creditScore &gt;= 700', 'applicant.creditScore ~ 700'),
        'CASES.BPMN_BAD_EXPRESSION',
      ],
      [
        'a condition on a task flow',
        (x) =>
          x.replace(
            '<bpmn:sequenceFlow id="Flow_2" sourceRef="Stage1_Split" targetRef="Stage1_Task1" />',
            '<bpmn:sequenceFlow id="Flow_2" sourceRef="Stage1_Split" targetRef="Stage1_Task1"><bpmn:conditionExpression>${a}</bpmn:conditionExpression></bpmn:sequenceFlow>',
          ),
        'CASES.BPMN_MISPLACED_CONDITION',
      ],
      ['an unknown role', (x) => x.replace('tb:role="approver"', 'tb:role="mayor"'), 'CASES.BPMN_INVALID_DEFINITION'],
      [
        'a department that is not a UUID',
        (x) => x.replace(`tb:department="${FIRE}"`, 'tb:department="消防支队"'),
        'CASES.BPMN_INVALID_DEFINITION',
      ],
      [
        'a skip that bypasses the merge',
        (x) =>
          x.replace(
            'sourceRef="Stage2_Choice" targetRef="Stage2_Merge"',
            'sourceRef="Stage2_Choice" targetRef="Stage3_Split"',
          ),
        'CASES.BPMN_UNSTRUCTURED',
      ],
      [
        'an empty branch',
        (x) =>
          x.replace(
            '</bpmn:process>',
            '<bpmn:sequenceFlow id="Empty" sourceRef="Stage2_Split" targetRef="Stage2_Join" /></bpmn:process>',
          ),
        'CASES.BPMN_UNSTRUCTURED',
      ],
    ];
    it.each(cases)('%s', (_, mutate, code) => {
      const mutated = mutate(xml);
      expect(mutated).not.toBe(xml);
      expect(codesOf(mutated)).toContain(code);
    });
  });

  describe('guards the parser', () => {
    it('expands no entities, external or internal', () => {
      const bomb = `<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><bpmn:definitions xmlns:bpmn="${BPMN_NS}">&b;</bpmn:definitions>`;
      expect(codesOf(bomb)).toEqual(['CASES.BPMN_DOCTYPE']);
      const errors = refusal(fixture('refused/xxe.bpmn'));
      expect(JSON.stringify(errors)).not.toContain('root:');
    });

    it('refuses a document over 1 MiB', () => {
      const xml = exportBpmn(sample).replace(
        '</bpmn:definitions>',
        `<!-- ${'x'.repeat(1024 * 1024)} --></bpmn:definitions>`,
      );
      expect(codesOf(xml)).toEqual(['CASES.BPMN_TOO_LARGE']);
    });

    it('refuses too many elements and deep nesting', () => {
      const many = exportBpmn(sample).replace('</bpmn:definitions>', `${'<d/>'.repeat(60_000)}</bpmn:definitions>`);
      expect(codesOf(many)).toEqual(['CASES.BPMN_TOO_MANY_ELEMENTS']);
      const deep = exportBpmn(sample).replace(
        '</bpmn:definitions>',
        `${'<bpmn:documentation>'.repeat(200)}${'</bpmn:documentation>'.repeat(200)}</bpmn:definitions>`,
      );
      expect(codesOf(deep)).toEqual(['CASES.BPMN_TOO_DEEP']);
    });
  });
});
