import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input, InputNumber, Radio, Table, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../ui/ProblemAlert';
import { useDocumentTitle } from '../../../ui/useDocumentTitle';
import {
  computeDeadline,
  declareYear,
  getCalendarYears,
  listOverrides,
  removeOverride,
  setOverride,
  type DayOverride,
} from '../api';
import { formatDateTime, PageHeader } from '../bits';
import { useEnglish } from '../../../ui/useEnglish';
import { applyFieldProblems, fieldProblems } from '../../../ui/problems';
import { statutoryHolidays, type StatutoryHoliday } from './statutory';

const beijingToday = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());

function Statutory({ year, known }: { year: number; known: boolean }) {
  const { t } = useTranslation('admin');
  const en = useEnglish();
  const holidays = useMemo(() => statutoryHolidays(year), [year]);
  const span = (days: string[]) =>
    days.length === 0
      ? '—'
      : days.length === 1
        ? days[0]
        : `${days[0]} – ${days[days.length - 1]}（${t('calendar.dayCount', { count: days.length })}）`;
  const columns: TableColumnsType<StatutoryHoliday> = [
    { title: t('calendar.holiday'), key: 'name', render: (_, h) => (en ? h.name.en : h.name.zh) },
    { title: t('calendar.daysOff'), key: 'days', render: (_, h) => span(h.days) },
    {
      title: t('calendar.adjustedWorkdays'),
      key: 'workdays',
      render: (_, h) => (h.workdays.length ? h.workdays.join(t('listSep')) : '—'),
    },
  ];
  return (
    <section className="tb-panel" aria-labelledby="tb-admin-statutory">
      <h2 id="tb-admin-statutory">{t('calendar.statutory', { year })}</h2>
      {known ? (
        <Table<StatutoryHoliday>
          rowKey={(h) => h.name.zh}
          size="small"
          columns={columns}
          dataSource={holidays}
          pagination={false}
        />
      ) : (
        <Alert type="warning" showIcon title={t('calendar.noStatutory', { year })} />
      )}
    </section>
  );
}

function Overrides({ year }: { year: number }) {
  const { t } = useTranslation('admin');
  const queryClient = useQueryClient();
  const [form] = Form.useForm<DayOverride>();
  const [announcement, setAnnouncement] = useState('');
  const overrides = useQuery({
    queryKey: ['admin', 'calendar', 'overrides', year],
    queryFn: ({ signal }) => listOverrides(year, signal),
    staleTime: 0,
  });
  const changed = (message: string) => {
    setAnnouncement(message);
    void queryClient.invalidateQueries({ queryKey: ['admin', 'calendar'] });
  };
  const add = useMutation({
    mutationFn: setOverride,
    onSuccess: (o) => {
      form.resetFields();
      changed(t('calendar.added', { date: o.date }));
    },
    onError: (e) => applyFieldProblems(form, fieldProblems(e, ['body.', 'params.'])),
  });
  const remove = useMutation({
    mutationFn: removeOverride,
    onSuccess: (_, date) => changed(t('calendar.removed', { date })),
  });
  const columns: TableColumnsType<DayOverride> = [
    { title: t('calendar.date'), dataIndex: 'date' },
    { title: t('calendar.kind'), dataIndex: 'kind', render: (k: DayOverride['kind']) => t(`calendar.kinds.${k}`) },
    { title: t('calendar.name'), dataIndex: 'name' },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, o) => (
        <Button
          size="small"
          danger
          loading={remove.isPending && remove.variables === o.date}
          onClick={() => remove.mutate(o.date)}
        >
          {t('calendar.remove')}
          <span className="sr-only">{o.date}</span>
        </Button>
      ),
    },
  ];
  return (
    <section className="tb-panel" aria-labelledby="tb-admin-overrides">
      <h2 id="tb-admin-overrides">{t('calendar.overrides', { year })}</h2>
      <p className="tb-admin-muted">{t('calendar.overridesHelp')}</p>
      <p role="status" aria-live="polite" className="tb-admin-announce">
        {announcement}
      </p>
      {overrides.isError ? <ProblemAlert error={overrides.error} onRetry={() => void overrides.refetch()} /> : null}
      {remove.isError ? <ProblemAlert error={remove.error} /> : null}
      <Table<DayOverride>
        rowKey="date"
        size="small"
        loading={overrides.isPending}
        columns={columns}
        dataSource={overrides.data ?? []}
        pagination={false}
        locale={{ emptyText: t('calendar.noOverrides') }}
      />
      <Form<DayOverride>
        form={form}
        layout="inline"
        className="tb-admin-inline"
        aria-label={t('calendar.addTitle')}
        initialValues={{ kind: 'holiday' }}
        onFinish={(v) => add.mutate({ ...v, name: v.name.trim() })}
      >
        <Form.Item
          name="date"
          label={t('calendar.date')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <Input type="date" />
        </Form.Item>
        <Form.Item name="kind" label={t('calendar.kind')}>
          <Radio.Group
            options={(['holiday', 'workday'] as const).map((k) => ({ value: k, label: t(`calendar.kinds.${k}`) }))}
          />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('calendar.name')}
          rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={add.isPending}>
          {t('calendar.add')}
        </Button>
      </Form>
      {add.isError ? <ProblemAlert error={add.error} /> : null}
    </section>
  );
}

function Declared({ year }: { year: number }) {
  const { t } = useTranslation('admin');
  const en = useEnglish();
  const queryClient = useQueryClient();
  const [note, setNote] = useState('');
  const years = useQuery({
    queryKey: ['admin', 'calendar', 'years'],
    queryFn: ({ signal }) => getCalendarYears(signal),
    staleTime: 0,
  });
  const declare = useMutation({
    mutationFn: () => declareYear(year, note.trim()),
    onSuccess: () => {
      setNote('');
      void queryClient.invalidateQueries({ queryKey: ['admin', 'calendar'] });
    },
  });
  const declared = years.data?.declared.find((d) => d.year === year);
  return (
    <section className="tb-panel" aria-labelledby="tb-admin-declare">
      <h2 id="tb-admin-declare">{t('calendar.declareTitle')}</h2>
      {years.isError ? <ProblemAlert error={years.error} /> : null}
      {years.data ? (
        <p>
          {t('calendar.statutoryRange', { first: years.data.statutory.first, last: years.data.statutory.last })}
          {years.data.declared.length
            ? ` ${t('calendar.declaredList', { years: years.data.declared.map((d) => d.year).join(t('listSep')) })}`
            : ''}
        </p>
      ) : null}
      {declared ? (
        <p role="status">
          {t('calendar.declaredAt', { year, at: formatDateTime(declared.declaredAt, en), note: declared.note || '—' })}
        </p>
      ) : (
        <p className="tb-admin-muted">{t('calendar.declareHelp', { year })}</p>
      )}
      <div className="tb-admin-inline">
        <label htmlFor="tb-admin-declare-note">{t('calendar.declareNote')}</label>
        <Input
          id="tb-admin-declare-note"
          value={note}
          maxLength={200}
          onChange={(e) => setNote(e.target.value)}
          className="tb-admin-grow"
        />
        <Button type="primary" loading={declare.isPending} onClick={() => declare.mutate()}>
          {t('calendar.declare', { year })}
        </Button>
      </div>
      {declare.isError ? <ProblemAlert error={declare.error} /> : null}
    </section>
  );
}

function DeadlineCheck() {
  const { t } = useTranslation('admin');
  const [asked, setAsked] = useState<{ from: string; days: number } | null>(null);
  const [from, setFrom] = useState(beijingToday());
  const [days, setDays] = useState<number>(20);
  const result = useQuery({
    queryKey: ['admin', 'calendar', 'deadline', asked?.from, asked?.days],
    queryFn: ({ signal }) => computeDeadline(asked!.from, asked!.days, signal),
    enabled: asked !== null,
    staleTime: 0,
  });
  return (
    <section className="tb-panel" aria-labelledby="tb-admin-deadline">
      <h2 id="tb-admin-deadline">{t('calendar.deadlineTitle')}</h2>
      <form
        className="tb-admin-inline"
        aria-label={t('calendar.deadlineTitle')}
        onSubmit={(e) => {
          e.preventDefault();
          setAsked({ from, days });
        }}
      >
        <label htmlFor="tb-admin-deadline-from">{t('calendar.from')}</label>
        <Input
          id="tb-admin-deadline-from"
          type="date"
          value={from}
          required
          onChange={(e) => setFrom(e.target.value)}
          className="tb-admin-date"
        />
        <label htmlFor="tb-admin-deadline-days">{t('calendar.workingDays')}</label>
        <InputNumber id="tb-admin-deadline-days" min={0} max={3650} value={days} onChange={(v) => setDays(v ?? 0)} />
        <Button htmlType="submit" type="primary">
          {t('calendar.compute')}
        </Button>
      </form>
      <div role="status" aria-live="polite" className="tb-admin-deadline-result">
        {result.data ? (
          <p>
            {t('calendar.due', { from: result.data.from, days: result.data.workingDays, due: result.data.due })}
            {result.data.beyondKnownCalendar ? ` ${t('calendar.beyond')}` : ''}
          </p>
        ) : null}
      </div>
      {result.isError ? <ProblemAlert error={result.error} /> : null}
    </section>
  );
}

/** 工作日历: the year's statutory holidays, local overrides, the declared arrangement, and a deadline check. */
export function CalendarPage() {
  const { t } = useTranslation('admin');
  useDocumentTitle(t('calendar.title'));
  const [year, setYear] = useState(Number(beijingToday().slice(0, 4)));
  const years = useQuery({
    queryKey: ['admin', 'calendar', 'years'],
    queryFn: ({ signal }) => getCalendarYears(signal),
    staleTime: 0,
  });
  const known = years.data ? year >= years.data.statutory.first && year <= years.data.statutory.last : true;
  return (
    <>
      <PageHeader title={t('calendar.title')}>
        <p className="tb-admin__lead">{t('calendar.lead')}</p>
      </PageHeader>
      <div className="tb-admin-inline">
        <label htmlFor="tb-admin-year">{t('calendar.year')}</label>
        <InputNumber id="tb-admin-year" min={2000} max={2100} value={year} onChange={(v) => v && setYear(v)} />
      </div>
      <Statutory year={year} known={known} />
      <Overrides year={year} />
      <Declared year={year} />
      <DeadlineCheck />
    </>
  );
}

export default CalendarPage;
