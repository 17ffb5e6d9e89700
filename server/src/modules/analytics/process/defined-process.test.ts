import { describe, expect, it } from 'vitest';
import type { ProcessDefinition } from '../../../../../contracts/cases.js';
import { definedEdges } from './defined-process.js';

const task = (key: string) => ({
  key,
  name: key,
  departmentId: '00000000-0000-4000-8000-000000000001',
  role: 'approver' as const,
  limitDays: 3,
});
const stage = (key: string, tasks: string[]) => ({ key, name: key, tasks: tasks.map(task), when: [] });
const has = (d: ProcessDefinition, from: string, to: string) =>
  definedEdges(d).some((e) => e.from === from && e.to === to);

describe('definedEdges', () => {
  it('walks one stage of one task from submission to decision, and no 补正', () => {
    const d: ProcessDefinition = { stages: [stage('review', ['a'])], promisedLimitDays: 5 };
    expect(has(d, 'submitted', 'accepted')).toBe(true);
    expect(has(d, 'stage-opened', 'task-approved')).toBe(true);
    expect(has(d, 'task-approved', 'approved')).toBe(true);
    expect(has(d, 'task-approved', 'stage-opened')).toBe(false);
    expect(has(d, 'task-approved', 'task-approved')).toBe(false);
    expect(has(d, 'submitted', 'supplement-requested')).toBe(false);
    expect(has(d, 'accepted', 'approved')).toBe(false);
  });

  it('allows parallel tasks, a next stage and 秒批 only where the definition has them', () => {
    const d: ProcessDefinition = {
      stages: [stage('check', ['a', 'b']), stage('decide', ['c'])],
      promisedLimitDays: 5,
      autoApproval: { rules: [{ field: 'x', op: 'truthy' }] },
    };
    expect(has(d, 'task-approved', 'task-approved')).toBe(true);
    expect(has(d, 'task-approved', 'stage-opened')).toBe(true);
    expect(has(d, 'accepted', 'approved')).toBe(true);
  });
});
