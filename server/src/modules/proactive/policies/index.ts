/** The seeded policies (about twenty), by subject; `POLICIES` is what the engine runs. */
import type { Policy } from '../rules/language.js';
import { childcareSubsidy, maternityAllowance } from './family.js';
import { centenarianAllowance, freeTransit, longevityAllowance, residentPension, seniorCard } from './elderly.js';
import { funeralGrant, funeralWaiver, survivorPension } from './death.js';
import {
  assistiveDevices,
  disabilityLivingAllowance,
  medicalAssistance,
  severeDisabilityCare,
  skillsSubsidy,
  temporaryAssistance,
} from './assistance.js';
import { jobRetentionRefund, smallBusinessTaxRelief, softwareRnD, startupLoan, startupSubsidy } from './enterprises.js';

export const POLICIES: readonly Policy[] = [
  maternityAllowance,
  childcareSubsidy,
  seniorCard,
  freeTransit,
  longevityAllowance,
  centenarianAllowance,
  residentPension,
  funeralGrant,
  survivorPension,
  funeralWaiver,
  disabilityLivingAllowance,
  severeDisabilityCare,
  assistiveDevices,
  temporaryAssistance,
  medicalAssistance,
  skillsSubsidy,
  startupSubsidy,
  startupLoan,
  jobRetentionRefund,
  smallBusinessTaxRelief,
  softwareRnD,
];

export const findPolicy = (code: string): Policy | undefined => POLICIES.find((p) => p.code === code);
