/** The theme's one form as the page renders it: which fields to ask for the chosen steps, as the wizard's fields. */
import type { ThemeApplication } from '../../../../../../contracts/bundles';
import type { FormField as WizardField } from '../../apply/formFields';

export type Step = ThemeApplication['steps'][number];

/** Shared fields first, then each chosen step's own fields, in the order the server merged them. */
export function fieldGroups(app: ThemeApplication, chosen: (s: Step) => boolean) {
  const byKey = new Map(app.fields.map((f) => [f.key, f]));
  const toWizard = (key: string): WizardField[] => {
    const f = byKey.get(key);
    if (!f) return [];
    return [
      {
        key: f.key,
        label: f.unit ? `${f.label}（${f.unit}）` : f.label,
        help: f.help,
        kind: f.type,
        required: f.required,
        options: f.options,
        min: f.min,
        max: f.max,
      },
    ];
  };
  const seen = new Set(app.sharedKeys);
  const steps = app.steps.filter(chosen).map((s) => {
    const own = s.fieldKeys.filter((k) => !seen.has(k));
    for (const k of own) seen.add(k);
    return { step: s, fields: own.flatMap(toWizard) };
  });
  return { shared: app.sharedKeys.flatMap(toWizard), steps: steps.filter((s) => s.fields.length > 0) };
}
