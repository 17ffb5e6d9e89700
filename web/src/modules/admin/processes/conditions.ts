/** Conditions of a process shown as text, in the notation of the BPMN export (`business.area > 100 && licensed`). */
import type { ProcessDefinition } from '../api';

type Condition = ProcessDefinition['stages'][number]['when'][number];

const CMP: Record<string, string> = { eq: '==', ne: '!=', gt: '>', gte: '>=', lt: '<', lte: '<=' };

function one(c: Condition): string {
  if (c.op === 'truthy') return c.field;
  if (c.op === 'falsy') return `!${c.field}`;
  if (c.op === 'in')
    return `${c.field} in [${(Array.isArray(c.value) ? c.value : []).map((v) => JSON.stringify(v)).join(', ')}]`;
  return `${c.field} ${CMP[c.op] ?? c.op} ${JSON.stringify(c.value)}`;
}

export const conditionsText = (conditions: readonly Condition[]): string => conditions.map(one).join(' && ');
