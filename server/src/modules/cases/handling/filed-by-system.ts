/**
 * 免申即享: a case the system opened itself — its first step, `submitted`, has the system as actor.
 * No one filled in an application form for it and no material is owed; the one rule both the
 * materials bag and the case view follow.
 */
export function isFiledBySystem(events: readonly { type: string; actorKind: string }[]): boolean {
  return events.find((e) => e.type === 'submitted')?.actorKind === 'system';
}
