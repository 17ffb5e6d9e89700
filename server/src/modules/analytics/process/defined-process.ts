/**
 * The defined process of an item, as edges between case event types — what the case engine does
 * when nothing goes wrong: 提交 → 受理 → each stage opened → its tasks (claimed, then approved; in
 * parallel when a stage has several) → the next stage → 准予 or 不予 (or 秒批 straight after
 * acceptance). Anything else the log shows (补正, 退回, 中止, 延期…) is a deviation.
 */
import type { ProcessDefinition } from '../../../../../contracts/cases.js';

/** The case event types of the control flow; annotations (意见, 材料, 送达, 缴费…) are left out of the graph. */
export const PROCESS_EVENTS = [
  'submitted',
  'released',
  'supplement-requested',
  'supplemented',
  'accepted',
  'not-accepted',
  'stage-opened',
  'task-claimed',
  'task-reassigned',
  'task-approved',
  'extension-requested',
  'extension-approved',
  'extension-refused',
  'returned',
  'suspended',
  'resumed',
  'approved',
  'refused',
  'withdrawn',
  'terminated',
] as const;

export interface Edge {
  from: string;
  to: string;
}

export function definedEdges(definition: ProcessDefinition): Edge[] {
  const edges: Edge[] = [
    { from: 'submitted', to: 'accepted' },
    { from: 'submitted', to: 'not-accepted' },
    { from: 'accepted', to: 'stage-opened' },
    { from: 'stage-opened', to: 'task-claimed' },
    { from: 'stage-opened', to: 'task-approved' },
    { from: 'task-claimed', to: 'task-approved' },
  ];
  if (definition.stages.some((s) => s.tasks.length > 1))
    edges.push(
      { from: 'task-claimed', to: 'task-claimed' },
      { from: 'task-approved', to: 'task-claimed' },
      { from: 'task-approved', to: 'task-approved' },
    );
  if (definition.stages.length > 1) edges.push({ from: 'task-approved', to: 'stage-opened' });
  edges.push({ from: 'task-approved', to: 'approved' }, { from: 'task-approved', to: 'refused' });
  if (definition.autoApproval) edges.push({ from: 'accepted', to: 'approved' });
  return edges;
}
