import './view.css';
import { useTranslation } from 'react-i18next';
import type { CaseDetail, CaseEvent, CaseTask } from '../api';
import { EventList } from '../CaseBits';

/** A task as a person reads it: its stage's name and its own. */
export const taskLabel = (task: Pick<CaseTask, 'stageName' | 'name'>) =>
  task.stageName && task.stageName !== task.name ? `${task.stageName} · ${task.name}` : task.name;

const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : null);

/** Steps the applicant does not see: the departments' internal work. */
const STAFF_ONLY = new Set(['opinion', 'task-claimed', 'task-reassigned', 'extension-requested', 'extension-refused']);

/**
 * 办理记录 of a case page: each step named from the one table of display names, with what it
 * concerned — the material, the stage and task, the items asked for, the reason or opinion given
 * (staff see opinions; the applicant sees what concerns them). Never a key or an id.
 */
export function CaseEvents({ c, staff }: { c: Pick<CaseDetail, 'events' | 'tasks'>; staff: boolean }) {
  const { t } = useTranslation('caseView');
  const { t: ta } = useTranslation();
  const tasks = new Map(c.tasks.map((k) => [k.id, k]));
  const stageNames = new Map(c.tasks.map((k) => [k.stage, k.stageName]));
  const detailOf = (e: CaseEvent): string | null => {
    const d = e.detail ?? {};
    const parts: string[] = [];
    const task = e.taskId ? tasks.get(e.taskId) : undefined;
    if (task) parts.push(taskLabel(task));
    const stage = e.type === 'stage-opened' && typeof d.stage === 'string' ? stageNames.get(d.stage) : null;
    if (stage) parts.push(`${t('events.stage')}${ta('app.colon')}${stage}`);
    const material = (e.type === 'material-added' || e.type === 'material-promised') && text(d.name);
    if (material) parts.push(`${t('events.material')}${ta('app.colon')}${material}`);
    if (e.type === 'supplement-requested' && Array.isArray(d.items) && d.items.length)
      parts.push(`${t('events.items')}${ta('app.colon')}${d.items.join(ta('app.listSep'))}`);
    const note =
      text(d.note) ?? text(d.reason) ?? text(d.explanation) ?? (staff ? (text(d.opinion) ?? text(d.text)) : null);
    if (
      note &&
      (staff ||
        e.type === 'supplement-requested' ||
        e.type === 'supplemented' ||
        e.type === 'withdrawn' ||
        e.type === 'not-accepted')
    )
      parts.push(`${t('events.note')}${ta('app.colon')}${note}`);
    return parts.length ? parts.join(' · ') : null;
  };
  return (
    <EventList
      events={staff ? c.events : c.events.filter((e) => !STAFF_ONLY.has(e.type))}
      showActor={staff}
      detailOf={detailOf}
    />
  );
}
