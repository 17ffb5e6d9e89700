/**
 * 申办一袋 in the wizard: each material of the guide, what the platform already holds for it
 * (an e-licence or shared data: 免提交, with the applicant's consent) and what the applicant
 * chose — a file, or for a 容缺后补 material a written promise to bring it later.
 */
import type { Material } from '../../../../../contracts/catalog';
import type { MaterialsPlan, SatisfiedBy } from './api';

export interface ApplyMaterial {
  index: number;
  name: string;
  necessity: Material['necessity'];
  instructions: string;
  satisfiedBy: SatisfiedBy | null;
}

export type MaterialChoice = { kind: 'file'; file: File } | { kind: 'promise'; text: string };
export type MaterialChoices = Record<number, MaterialChoice | undefined>;

/** The guide's materials, with what the platform holds for each when it can say (`plan` is null until the server offers it). */
export function applyMaterials(guide: readonly Material[], plan: MaterialsPlan | null): ApplyMaterial[] {
  return guide.map((m, index) => ({
    index,
    name: m.name,
    necessity: m.necessity,
    instructions: m.instructions,
    satisfiedBy: plan?.materials.find((p) => p.index === index)?.satisfiedBy ?? null,
  }));
}

/** Whether the platform provides the material: it holds it and, where asked, the applicant consented. */
export const reused = (m: ApplyMaterial, consent: boolean, consentRequired: boolean): boolean =>
  m.satisfiedBy?.kind === 'form' || (m.satisfiedBy !== null && (consent || !consentRequired));

/** Materials still needing the applicant: required ones without a file, deferrable ones with neither a file nor a promise. */
export function missingMaterials(
  materials: readonly ApplyMaterial[],
  choices: MaterialChoices,
  consent: boolean,
  consentRequired: boolean,
): ApplyMaterial[] {
  return materials.filter((m) => {
    if (m.necessity === 'optional' || reused(m, consent, consentRequired)) return false;
    const c = choices[m.index];
    if (m.necessity === 'deferrable') return !c || (c.kind === 'promise' && !c.text.trim());
    return c?.kind !== 'file';
  });
}

/** Accepted by the server (checked there by their bytes): PDF, OFD, JPEG, PNG. */
export const ACCEPTED_FILES = '.pdf,.ofd,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png';
/** The server's default upload limit (UPLOAD_MAX_BYTES); the server stays the judge. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;
