import type { Theme } from '../../../../../contracts/catalog';

type Step = Theme['steps'][number];

/** Does the step implement this basic code (基本编码)? */
export function implementsBasicCode(step: Step, basicCode: string): boolean {
  return step.basicCode === basicCode;
}

/** Names of the steps a step waits for (联动); unknown codes are shown as they are. */
export function prerequisiteNames(theme: Theme, step: Step): string[] {
  return step.after.map((basic) => theme.steps.find((s) => implementsBasicCode(s, basic))?.item.name ?? basic);
}
