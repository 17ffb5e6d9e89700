/** Process definitions of service items: validation, conditions and BPMN 2.0 exchange. */
export { validateDefinition, longestPathDays, valueFitsOp, type DefinitionContext } from './validate.js';
export { evaluate, applicableStages } from './conditions.js';
export { exportBpmn, importBpmn, type BpmnImportResult } from './bpmn.js';
export { formatConditions, parseConditions } from './expression.js';
