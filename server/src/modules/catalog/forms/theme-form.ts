/**
 * The one form of a theme application (一件事): the theme's shared fields, then each chosen item's
 * own fields, every key once. Where an item declares a shared key, the item's definition (kind,
 * choices, personal data, help) stands under the theme's label; a shared key no item declares is
 * taken as the theme defines it. Every field stays as required as its strictest declaration.
 */
import type { FormField, ThemeInput } from '../../../../../contracts/catalog.js';

export function themeFormFields(
  shared: ThemeInput['sharedFields'],
  forms: readonly (readonly FormField[])[],
): FormField[] {
  const declared = new Map<string, FormField>();
  for (const f of forms.flat()) {
    const earlier = declared.get(f.key);
    declared.set(f.key, earlier ? { ...earlier, required: earlier.required || f.required } : f);
  }
  const out = new Map<string, FormField>();
  for (const s of shared) {
    const item = declared.get(s.key);
    out.set(s.key, item ? { ...item, label: s.label, required: true } : { ...s, required: true });
  }
  for (const [key, f] of declared) if (!out.has(key)) out.set(key, f);
  return [...out.values()];
}
