import { DownloadOutlined, MinusCircleOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Input, InputNumber, Select } from 'antd';
import { useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageLoading } from '../../../ui/PageLoading';
import { ProblemAlert } from '../../../ui/ProblemAlert';
import { useDocumentTitle } from '../../../ui/useDocumentTitle';
import { getItem, searchItems } from '../../catalog';
import { bpmnUrl, getDefinition, importBpmn, listDepartments, saveDefinition, type ProcessDefinition } from '../api';
import { PageHeader, ProblemList, useRoleName } from '../bits';
import { fieldProblems, type FieldProblem } from '../../../ui/problems';
import { conditionsText } from './conditions';

type Stage = ProcessDefinition['stages'][number];
type Task = Stage['tasks'][number];
const ROLES = ['approver', 'department_head', 'window_clerk'] as const;

/** A labelled control with the server's problems for `path` under it. */
function Field({
  label,
  path,
  problems,
  children,
}: {
  label: string;
  path: string;
  problems: Map<string, string[]>;
  children: (id: string, invalid: boolean) => ReactNode;
}) {
  const id = useId();
  const errors = problems.get(path) ?? [];
  return (
    <div className={errors.length ? 'tb-admin-field has-error' : 'tb-admin-field'}>
      <label htmlFor={id}>{label}</label>
      {children(id, errors.length > 0)}
      {errors.map((e, i) => (
        <div key={i} className="tb-admin-field__error" id={`${id}-error-${i}`}>
          {e}
        </div>
      ))}
    </div>
  );
}

function nextKey(prefix: string, taken: Set<string>): string {
  for (let n = 1; ; n++) if (!taken.has(`${prefix}-${n}`)) return `${prefix}-${n}`;
}

function ItemPicker({ onPick }: { onPick: (code: string) => void }) {
  const { t } = useTranslation('admin');
  const [q, setQ] = useState('');
  const hits = useQuery({
    queryKey: ['admin', 'process-items', q],
    queryFn: ({ signal }) => searchItems({ q, pageSize: 10 }, signal),
    enabled: q.trim().length > 0,
  });
  return (
    <section className="tb-panel" aria-labelledby="tb-admin-pick">
      <h2 id="tb-admin-pick">{t('processes.pick')}</h2>
      <Input.Search
        aria-label={t('processes.search')}
        placeholder={t('processes.searchPlaceholder')}
        enterButton={t('processes.searchButton')}
        onSearch={(v) => setQ(v.trim())}
      />
      {hits.isError ? <ProblemAlert error={hits.error} /> : null}
      {hits.data ? (
        hits.data.items.length === 0 ? (
          <p>{t('processes.noHits')}</p>
        ) : (
          <ul className="tb-admin-picklist" aria-label={t('processes.hits')}>
            {hits.data.items.map((h) => (
              <li key={h.code}>
                <Button type="link" onClick={() => onPick(h.code)}>
                  {h.name}
                </Button>
                <span className="tb-admin-muted">
                  {h.department.name} · {h.region.name}
                </span>
              </li>
            ))}
          </ul>
        )
      ) : null}
    </section>
  );
}

function Editor({ itemCode }: { itemCode: string }) {
  const { t } = useTranslation('admin');
  const roleName = useRoleName();
  const queryClient = useQueryClient();
  const fileRef = useRef<HTMLInputElement>(null);
  const fileId = useId();
  const [def, setDef] = useState<ProcessDefinition | null>(null);
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [announcement, setAnnouncement] = useState('');
  const current = useQuery({
    queryKey: ['admin', 'definition', itemCode],
    queryFn: ({ signal }) => getDefinition(itemCode, signal),
    staleTime: 0,
  });
  const item = useQuery({
    queryKey: ['admin', 'published-item', itemCode],
    queryFn: ({ signal }) => getItem(itemCode, signal),
  });
  // The server accepts departments of the item's province.
  const province = item.data?.region.code.slice(0, 2);
  const departments = useQuery({
    queryKey: ['admin', 'departments', province],
    queryFn: ({ signal }) => listDepartments(province, signal),
    enabled: province !== undefined,
    staleTime: 300_000,
  });
  useEffect(() => {
    if (current.data) setDef(structuredClone(current.data.definition));
  }, [current.data]);
  const byPath = useMemo(() => {
    const m = new Map<string, string[]>();
    for (const p of problems) m.set(p.field, [...(m.get(p.field) ?? []), p.message]);
    return m;
  }, [problems]);
  const onSaved = (message: string) => {
    setProblems([]);
    setAnnouncement(message);
    void queryClient.invalidateQueries({ queryKey: ['admin', 'definition', itemCode] });
  };
  const save = useMutation({
    mutationFn: (d: ProcessDefinition) => saveDefinition(itemCode, d),
    onSuccess: (r) => onSaved(t('processes.saved', { version: r.version })),
    onError: (e) => setProblems(fieldProblems(e)),
  });
  const upload = useMutation({
    mutationFn: async (file: File) => importBpmn(itemCode, await file.text()),
    onSuccess: (r) => onSaved(t('processes.imported', { version: r.version })),
    onError: (e) => setProblems(fieldProblems(e)),
  });

  if (current.isError) return <ProblemAlert error={current.error} onRetry={() => void current.refetch()} />;
  if (current.isPending || !def) return <PageLoading rows={4} />;
  const active = current.data;

  const taskKeys = new Set(def.stages.flatMap((s) => s.tasks.map((x) => x.key)));
  const update = (fn: (d: ProcessDefinition) => void) =>
    setDef((d) => {
      if (!d) return d;
      const copy = structuredClone(d);
      fn(copy);
      return copy;
    });
  const setStage = (i: number, patch: Partial<Stage>) => update((d) => Object.assign(d.stages[i]!, patch));
  const setTask = (i: number, j: number, patch: Partial<Task>) =>
    update((d) => Object.assign(d.stages[i]!.tasks[j]!, patch));
  const newTask = (departmentId: string): Task => ({
    key: nextKey('task', taskKeys),
    name: t('processes.newTaskName'),
    departmentId,
    role: 'approver',
    limitDays: 1,
  });
  const pathDays = def.stages.reduce((sum, s) => sum + Math.max(0, ...s.tasks.map((x) => x.limitDays ?? 0)), 0);
  const deptOptions = (departments.data ?? []).map((d) => ({ value: d.id, label: d.name }));
  const busy = save.isPending || upload.isPending;

  return (
    <>
      <p role="status" aria-live="polite" className="tb-admin-announce">
        {announcement}
      </p>
      <section className="tb-panel" aria-labelledby="tb-admin-def-title">
        <h2 id="tb-admin-def-title">{t('processes.definition', { version: current.data.version })}</h2>
        {item.data ? (
          <p>
            {item.data.name} · {item.data.department.name} ·{' '}
            {t('processes.legalLimit', { days: item.data.legalLimitDays })}
          </p>
        ) : null}
        {active.version === 0 ? <Alert type="info" showIcon title={t('processes.defaultNote')} /> : null}
        <div className="tb-admin-grid">
          <Field label={t('processes.promised')} path="promisedLimitDays" problems={byPath}>
            {(id, invalid) => (
              <InputNumber
                id={id}
                aria-invalid={invalid}
                min={0}
                max={365}
                value={def.promisedLimitDays}
                onChange={(v) => update((d) => void (d.promisedLimitDays = v ?? 0))}
              />
            )}
          </Field>
          <p className="tb-admin-muted tb-admin-wide">{t('processes.pathDays', { days: pathDays })}</p>
        </div>
        {byPath.get('stages')?.map((e) => (
          <Alert key={e} type="error" showIcon title={e} />
        ))}
        <ol className="tb-admin-stages" aria-label={t('processes.stages')}>
          {def.stages.map((stage, i) => (
            <li key={i} className="tb-admin-stage">
              <fieldset className="tb-admin-sub">
                <legend>{t('processes.stage', { n: i + 1, name: stage.name })}</legend>
                <div className="tb-admin-grid">
                  <Field label={t('processes.stageName')} path={`stages.${i}.name`} problems={byPath}>
                    {(id, invalid) => (
                      <Input
                        id={id}
                        aria-invalid={invalid}
                        maxLength={100}
                        value={stage.name}
                        onChange={(e) => setStage(i, { name: e.target.value })}
                      />
                    )}
                  </Field>
                  <Field label={t('processes.key')} path={`stages.${i}.key`} problems={byPath}>
                    {(id, invalid) => (
                      <Input
                        id={id}
                        aria-invalid={invalid}
                        maxLength={40}
                        value={stage.key}
                        onChange={(e) => setStage(i, { key: e.target.value })}
                      />
                    )}
                  </Field>
                </div>
                <p className="tb-admin-muted">
                  {t('processes.when')}
                  {t('colon')}
                  {stage.when?.length ? <code>{conditionsText(stage.when)}</code> : t('processes.always')}
                </p>
                <ul className="tb-admin-tasks" aria-label={t('processes.tasksOf', { n: i + 1 })}>
                  {stage.tasks.map((task, j) => (
                    <li key={j} className="tb-admin-task">
                      <div className="tb-admin-grid">
                        <Field
                          label={t('processes.taskName', { n: j + 1 })}
                          path={`stages.${i}.tasks.${j}.name`}
                          problems={byPath}
                        >
                          {(id, invalid) => (
                            <Input
                              id={id}
                              aria-invalid={invalid}
                              maxLength={100}
                              value={task.name}
                              onChange={(e) => setTask(i, j, { name: e.target.value })}
                            />
                          )}
                        </Field>
                        <Field
                          label={t('processes.department')}
                          path={`stages.${i}.tasks.${j}.departmentId`}
                          problems={byPath}
                        >
                          {(id, invalid) => (
                            <Select
                              id={id}
                              aria-invalid={invalid}
                              showSearch={{ optionFilterProp: 'label' }}
                              options={deptOptions}
                              loading={departments.isPending}
                              value={task.departmentId}
                              onChange={(v: string) => setTask(i, j, { departmentId: v })}
                              className="tb-admin-select"
                            />
                          )}
                        </Field>
                        <Field label={t('processes.role')} path={`stages.${i}.tasks.${j}.role`} problems={byPath}>
                          {(id) => (
                            <Select
                              id={id}
                              options={ROLES.map((r) => ({ value: r, label: roleName(r) }))}
                              value={task.role ?? 'approver'}
                              onChange={(v: Task['role']) => setTask(i, j, { role: v })}
                              className="tb-admin-select"
                            />
                          )}
                        </Field>
                        <Field
                          label={t('processes.limitDays')}
                          path={`stages.${i}.tasks.${j}.limitDays`}
                          problems={byPath}
                        >
                          {(id, invalid) => (
                            <InputNumber
                              id={id}
                              aria-invalid={invalid}
                              min={0}
                              max={365}
                              value={task.limitDays}
                              onChange={(v) => setTask(i, j, { limitDays: v ?? 0 })}
                            />
                          )}
                        </Field>
                        <Field label={t('processes.key')} path={`stages.${i}.tasks.${j}.key`} problems={byPath}>
                          {(id, invalid) => (
                            <Input
                              id={id}
                              aria-invalid={invalid}
                              maxLength={40}
                              value={task.key}
                              onChange={(e) => setTask(i, j, { key: e.target.value })}
                            />
                          )}
                        </Field>
                      </div>
                      <Button
                        danger
                        disabled={stage.tasks.length === 1}
                        icon={<MinusCircleOutlined aria-hidden="true" />}
                        onClick={() => update((d) => void d.stages[i]!.tasks.splice(j, 1))}
                      >
                        {t('processes.removeTask', { n: j + 1, stage: i + 1 })}
                      </Button>
                    </li>
                  ))}
                </ul>
                <div className="tb-admin-actions">
                  <Button
                    icon={<PlusOutlined aria-hidden="true" />}
                    onClick={() =>
                      update((d) => void d.stages[i]!.tasks.push(newTask(stage.tasks[0]?.departmentId ?? '')))
                    }
                  >
                    {t('processes.addTask', { n: i + 1 })}
                  </Button>
                  <Button
                    disabled={i === 0}
                    onClick={() => update((d) => void d.stages.splice(i - 1, 0, ...d.stages.splice(i, 1)))}
                  >
                    {t('processes.moveUp', { n: i + 1 })}
                  </Button>
                  <Button
                    danger
                    disabled={def.stages.length === 1}
                    onClick={() => update((d) => void d.stages.splice(i, 1))}
                  >
                    {t('processes.removeStage', { n: i + 1 })}
                  </Button>
                </div>
              </fieldset>
            </li>
          ))}
        </ol>
        <Button
          icon={<PlusOutlined aria-hidden="true" />}
          onClick={() =>
            update(
              (d) =>
                void d.stages.push({
                  key: nextKey('stage', new Set(d.stages.map((s) => s.key))),
                  name: t('processes.newStageName'),
                  when: [],
                  tasks: [newTask(d.stages[0]?.tasks[0]?.departmentId ?? '')],
                }),
            )
          }
        >
          {t('processes.addStage')}
        </Button>
        {def.autoApproval ? (
          <p className="tb-admin-muted">
            {t('processes.autoApproval')}
            {t('colon')}
            <code>{conditionsText(def.autoApproval.rules)}</code>
          </p>
        ) : null}
        {(save.isError || upload.isError) && problems.length === 0 ? (
          <ProblemAlert error={save.error ?? upload.error} />
        ) : null}
        <ProblemList problems={problems} title={t('processes.problems', { count: problems.length })} />
        <div className="tb-admin-actions">
          <Button type="primary" loading={save.isPending} disabled={busy} onClick={() => save.mutate(def)}>
            {t('processes.save')}
          </Button>
          <Button onClick={() => setDef(structuredClone(active.definition))}>{t('guide.reset')}</Button>
        </div>
      </section>

      <section className="tb-panel" aria-labelledby="tb-admin-bpmn">
        <h2 id="tb-admin-bpmn">{t('processes.bpmn')}</h2>
        <p className="tb-admin-muted">{t('processes.bpmnHelp')}</p>
        <div className="tb-admin-actions">
          <Button href={bpmnUrl(itemCode)} download={`${itemCode}.bpmn`} icon={<DownloadOutlined aria-hidden="true" />}>
            {t('processes.export')}
          </Button>
          <label htmlFor={fileId} className="tb-admin-linkbutton tb-admin-upload">
            <UploadOutlined aria-hidden="true" /> {t('processes.import')}
          </label>
          <input
            ref={fileRef}
            id={fileId}
            type="file"
            className="tb-admin-file"
            accept=".bpmn,.xml,application/xml,text/xml"
            disabled={busy}
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) upload.mutate(file);
              if (fileRef.current) fileRef.current.value = '';
            }}
          />
        </div>
      </section>
    </>
  );
}

/** 流程定义: an item's stages of parallel department tasks, saved as a validated version; BPMN 2.0 out and in. */
export function ProcessPage() {
  const { t } = useTranslation('admin');
  useDocumentTitle(t('processes.title'));
  const [params, setParams] = useSearchParams();
  const itemCode = params.get('item') ?? '';
  return (
    <>
      <PageHeader title={t('processes.title')}>
        <p className="tb-admin__lead">{t('processes.lead')}</p>
      </PageHeader>
      <ItemPicker onPick={(code) => setParams({ item: code })} />
      {itemCode ? (
        <>
          <p>
            {t('processes.item')}
            {t('colon')}
            <span className="tb-admin-code">{itemCode}</span>
          </p>
          <Editor key={itemCode} itemCode={itemCode} />
        </>
      ) : null}
    </>
  );
}

export default ProcessPage;
