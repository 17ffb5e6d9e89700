/** Presentation rules for cases: status tones, deadline colours by working days left, one-time notice text. */
import type { BadgeTone } from '../../ui/Badge';
import type { CaseStatus } from './api';

/** Deadline colours by working days left: red overdue, orange ≤ 1, yellow ≤ 3, green otherwise. */
export const DUE_SOON_DAYS = 1;
export const DUE_NEAR_DAYS = 3;

export type DeadlineTone = 'overdue' | 'soon' | 'near' | 'ok';

export function deadlineTone(remainingWorkingDays: number): DeadlineTone {
  if (remainingWorkingDays < 0) return 'overdue';
  if (remainingWorkingDays <= DUE_SOON_DAYS) return 'soon';
  if (remainingWorkingDays <= DUE_NEAR_DAYS) return 'near';
  return 'ok';
}

/** Most urgent first: fewest working days left, then the earliest opened. */
export function byUrgency<T extends { remainingWorkingDays: number; dueOn: string; openedOn: string }>(
  a: T,
  b: T,
): number {
  return (
    a.remainingWorkingDays - b.remainingWorkingDays ||
    a.dueOn.localeCompare(b.dueOn) ||
    a.openedOn.localeCompare(b.openedOn)
  );
}

export const STATUS_TONE: Record<CaseStatus, BadgeTone> = {
  waiting: 'gray',
  submitted: 'blue',
  awaiting_supplement: 'orange',
  in_progress: 'blue',
  suspended: 'orange',
  approved: 'green',
  refused: 'red',
  not_accepted: 'red',
  withdrawn: 'gray',
  terminated: 'gray',
};

/** States the applicant may still withdraw from (the server's rule). */
export const WITHDRAWABLE: readonly CaseStatus[] = [
  'waiting',
  'submitted',
  'awaiting_supplement',
  'in_progress',
  'suspended',
];

/** The progress line shown to the applicant: where the case is among the usual steps. */
export const PROGRESS_STEPS = ['submitted', 'accepted', 'in_progress', 'decided'] as const;
export type ProgressStep = (typeof PROGRESS_STEPS)[number];

export function progressIndex(status: CaseStatus): number {
  switch (status) {
    case 'waiting':
    case 'submitted':
    case 'awaiting_supplement':
      return 0;
    case 'in_progress':
    case 'suspended':
      return 2;
    default:
      return 3;
  }
}
