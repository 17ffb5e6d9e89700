import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Checkbox, Form, Input, Select, Table, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../ui/ProblemAlert';
import { useDocumentTitle } from '../../../ui/useDocumentTitle';
import {
  changeStaffRoles,
  createStaff,
  listDepartments,
  listStaff,
  recordStaffIdNumber,
  setStaffActive,
  type StaffInput,
  type StaffSummary,
} from '../api';
import { PageHeader, ProblemList, useRoleName, useStaff } from '../bits';
import { applyFieldProblems, fieldProblems, type FieldProblem } from '../../../ui/problems';
import { ALL_ROLES } from '../sections';
import { RegionName } from '../../catalog';
import { idNumberValid } from '../../../../../contracts/identifiers';

/** An otpauth URI, shown once: the secret for an authenticator app. */
function TotpNotice({ uri, username }: { uri: string; username: string }) {
  const { t } = useTranslation('admin');
  const secret = new URL(uri).searchParams.get('secret') ?? '';
  return (
    <Alert
      type="warning"
      showIcon
      role="status"
      title={t('staff.totpOnce', { username })}
      description={
        <>
          <p>
            {t('staff.totpSecret')}
            {t('colon')}
            <code className="tb-admin-code">{secret}</code>
          </p>
          <p className="tb-admin-break">
            <code>{uri}</code>
          </p>
        </>
      }
    />
  );
}

/** At least one role; not `required`, which would put aria-required on the checkbox group (not allowed there). */
const rolesRule = (message: string) => ({
  validator: (_: unknown, v?: string[]) => (v?.length ? Promise.resolve() : Promise.reject(new Error(message))),
});

function useDepartmentOptions(region: string) {
  const departments = useQuery({
    queryKey: ['admin', 'departments', region],
    queryFn: ({ signal }) => listDepartments(region, signal),
    staleTime: 300_000,
  });
  return { departments, options: (departments.data ?? []).map((d) => ({ value: d.id, label: d.name })) };
}

function RolesEditor({
  staff,
  onDone,
  onCancel,
}: {
  staff: StaffSummary;
  onDone: (totpUri: string | null) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation('admin');
  const roleName = useRoleName();
  const me = useStaff();
  const [form] = Form.useForm<Pick<StaffInput, 'roles' | 'regionCode' | 'departmentIds'>>();
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const { options } = useDepartmentOptions(me.regionCode);
  const change = useMutation({
    mutationFn: (v: Pick<StaffInput, 'roles' | 'regionCode' | 'departmentIds'>) => changeStaffRoles(staff.id, v),
    onSuccess: (r) => onDone(r.totpUri),
    onError: (e) => setProblems(applyFieldProblems(form, fieldProblems(e))),
  });
  return (
    <Form
      form={form}
      name="staff-roles"
      layout="vertical"
      className="tb-panel tb-admin-inline-form"
      aria-label={t('staff.changeRolesOf', { name: staff.displayName })}
      initialValues={{ roles: staff.roles, regionCode: staff.regionCode, departmentIds: staff.departmentIds }}
      onFinish={(v) => change.mutate({ ...v, regionCode: v.regionCode.trim() })}
    >
      <h2 className="tb-admin-h3">{t('staff.changeRolesOf', { name: staff.displayName })}</h2>
      <p className="tb-admin-muted">{t('staff.sessionsEnd')}</p>
      {change.isError ? <ProblemAlert error={change.error} /> : null}
      <ProblemList problems={problems} title={t('guide.problems', { count: problems.length })} />
      <Form.Item name="roles" label={t('staff.roles')} rules={[rolesRule(t('validation.roles'))]}>
        <Checkbox.Group options={ALL_ROLES.map((r) => ({ value: r, label: roleName(r) }))} />
      </Form.Item>
      <div className="tb-admin-grid">
        <Form.Item
          name="regionCode"
          label={t('staff.region')}
          rules={[{ required: true, pattern: /^\d{2,12}$/, message: t('validation.region') }]}
        >
          <Input maxLength={12} />
        </Form.Item>
        <Form.Item
          name="departmentIds"
          label={t('staff.departments')}
          extra={t('staff.departmentsHint')}
          className="tb-admin-wide"
        >
          <Select mode="multiple" options={options} showSearch={{ optionFilterProp: 'label' }} />
        </Form.Item>
      </div>
      <div className="tb-admin-actions">
        <Button type="primary" htmlType="submit" loading={change.isPending}>
          {t('staff.saveRoles')}
        </Button>
        <Button onClick={onCancel}>{t('common.cancel')}</Button>
      </div>
    </Form>
  );
}

/**
 * 实名关联: the staff member's 身份证号, which 异常监察 needs to find decisions on relatives' cases
 * (亲属回避). The server keeps it encrypted, answers it masked and audits the change.
 */
function IdNumberEditor({
  staff,
  onDone,
  onCancel,
}: {
  staff: StaffSummary;
  onDone: (r: { idNumber: string; inRegistry: boolean }) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation('admin');
  const [form] = Form.useForm<{ idNumber: string }>();
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const record = useMutation({
    mutationFn: (v: { idNumber: string }) => recordStaffIdNumber(staff.id, v.idNumber),
    onSuccess: onDone,
    onError: (e) => setProblems(applyFieldProblems(form, fieldProblems(e))),
  });
  return (
    <Form
      form={form}
      name="staff-id-number"
      layout="vertical"
      className="tb-panel tb-admin-inline-form"
      aria-label={t('staff.idNumberOf', { name: staff.displayName })}
      onFinish={(v) => record.mutate({ idNumber: v.idNumber.trim().toUpperCase() })}
    >
      <h2 className="tb-admin-h3">{t('staff.idNumberOf', { name: staff.displayName })}</h2>
      <p className="tb-admin-muted">{t('staff.idNumberWhy')}</p>
      {record.isError ? <ProblemAlert error={record.error} /> : null}
      <ProblemList problems={problems} title={t('guide.problems', { count: problems.length })} />
      <Form.Item
        name="idNumber"
        label={t('staff.idNumber')}
        rules={[
          { required: true, whitespace: true, message: t('validation.required') },
          {
            validator: (_, v: unknown) =>
              !v || idNumberValid(String(v).trim().toUpperCase())
                ? Promise.resolve()
                : Promise.reject(new Error(t('validation.idNumber'))),
          },
        ]}
      >
        <Input maxLength={18} autoComplete="off" spellCheck={false} className="tb-admin-id-input" />
      </Form.Item>
      <div className="tb-admin-actions">
        <Button type="primary" htmlType="submit" loading={record.isPending}>
          {t('staff.saveIdNumber')}
        </Button>
        <Button onClick={onCancel}>{t('common.cancel')}</Button>
      </div>
    </Form>
  );
}

function CreateStaff({ onCreated }: { onCreated: (username: string, totpUri: string | null) => void }) {
  const { t } = useTranslation('admin');
  const roleName = useRoleName();
  const me = useStaff();
  const [form] = Form.useForm<StaffInput>();
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const { options } = useDepartmentOptions(me.regionCode);
  const create = useMutation({
    mutationFn: createStaff,
    onSuccess: (r, v) => {
      form.resetFields();
      setProblems([]);
      onCreated(v.username, r.totpUri);
    },
    onError: (e) => setProblems(applyFieldProblems(form, fieldProblems(e))),
  });
  return (
    <section className="tb-panel" aria-labelledby="tb-admin-new-staff">
      <h2 id="tb-admin-new-staff">{t('staff.create')}</h2>
      {create.isError ? <ProblemAlert error={create.error} /> : null}
      <ProblemList problems={problems} title={t('guide.problems', { count: problems.length })} />
      <Form<StaffInput>
        form={form}
        name="staff-create"
        layout="vertical"
        aria-label={t('staff.create')}
        initialValues={{ regionCode: me.regionCode, roles: ['window_clerk'], departmentIds: [] }}
        onFinish={(v) =>
          create.mutate({
            ...v,
            username: v.username.trim().toLowerCase(),
            displayName: v.displayName.trim(),
            regionCode: v.regionCode.trim(),
            departmentIds: v.departmentIds ?? [],
          })
        }
      >
        <div className="tb-admin-grid">
          <Form.Item
            name="username"
            label={t('staff.username')}
            rules={[
              { required: true, pattern: /^[a-zA-Z0-9][a-zA-Z0-9._-]{1,62}$/, message: t('validation.username') },
            ]}
          >
            <Input maxLength={63} autoComplete="off" />
          </Form.Item>
          <Form.Item
            name="displayName"
            label={t('staff.displayName')}
            rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
          >
            <Input maxLength={50} />
          </Form.Item>
          <Form.Item
            name="regionCode"
            label={t('staff.region')}
            rules={[{ required: true, pattern: /^\d{2,12}$/, message: t('validation.region') }]}
          >
            <Input maxLength={12} />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('staff.password')}
            extra={t('staff.passwordHelp')}
            rules={[{ required: true, message: t('validation.required') }]}
          >
            <Input.Password maxLength={128} autoComplete="new-password" />
          </Form.Item>
        </div>
        <Form.Item name="roles" label={t('staff.roles')} rules={[rolesRule(t('validation.roles'))]}>
          <Checkbox.Group options={ALL_ROLES.map((r) => ({ value: r, label: roleName(r) }))} />
        </Form.Item>
        <Form.Item name="departmentIds" label={t('staff.departments')} extra={t('staff.departmentsHint')}>
          <Select mode="multiple" options={options} showSearch={{ optionFilterProp: 'label' }} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={create.isPending}>
          {t('staff.createButton')}
        </Button>
      </Form>
    </section>
  );
}

/** 人员与角色: staff of my region, their roles and data scope; new staff; role changes (audited by the server). */
export function StaffPage() {
  const { t } = useTranslation('admin');
  const roleName = useRoleName();
  const me = useStaff();
  useDocumentTitle(t('staff.title'));
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<StaffSummary | null>(null);
  const [recording, setRecording] = useState<StaffSummary | null>(null);
  const [notInRegistry, setNotInRegistry] = useState<string | null>(null);
  const [totp, setTotp] = useState<{ uri: string; username: string } | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const staff = useQuery({ queryKey: ['admin', 'staff'], queryFn: ({ signal }) => listStaff(signal), staleTime: 0 });
  const { departments } = useDepartmentOptions(me.regionCode);
  const deptName = (id: string) => departments.data?.find((d) => d.id === id)?.shortName ?? t('staff.otherDepartment');
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['admin', 'staff'] });
  const toggle = useMutation({
    mutationFn: (v: { id: string; active: boolean; name: string }) =>
      setStaffActive(v.id, v.active, t(v.active ? 'staff.reactivateReason' : 'staff.deactivateReason')),
    onSuccess: (_, v) => {
      setAnnouncement(t(v.active ? 'staff.reactivated' : 'staff.deactivated', { name: v.name }));
      refresh();
    },
  });

  const columns: TableColumnsType<StaffSummary> = [
    {
      title: t('staff.displayName'),
      dataIndex: 'displayName',
      render: (_, s) => (
        <>
          <div>{s.displayName}</div>
          <div className="tb-admin-code">{s.username}</div>
        </>
      ),
    },
    { title: t('staff.region'), dataIndex: 'regionCode', render: (code: string) => <RegionName code={code} /> },
    {
      title: t('staff.roles'),
      dataIndex: 'roles',
      render: (roles: string[]) => roles.map(roleName).join(t('listSep')),
    },
    {
      title: t('staff.departments'),
      dataIndex: 'departmentIds',
      render: (ids: string[]) => (ids.length ? ids.map(deptName).join(t('listSep')) : t('staff.noDepartments')),
    },
    {
      title: t('staff.totp'),
      key: 'totp',
      // Every staff role signs in with a TOTP code (等保三级).
      render: (_, s) =>
        s.totpUsed ? t('staff.totpInUse') : s.totpIssued ? t('staff.totpIssued') : t('staff.totpRequired'),
    },
    {
      title: t('staff.realName'),
      dataIndex: 'idNumberRecorded',
      render: (recorded: boolean) => (recorded ? t('staff.idNumberRecorded') : t('staff.idNumberMissing')),
    },
    {
      title: t('staff.state'),
      dataIndex: 'active',
      render: (active: boolean) => (active ? t('staff.active') : t('staff.inactive')),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, s) =>
        s.id === me.id ? (
          <span className="tb-admin-muted">{t('staff.self')}</span>
        ) : (
          <span className="tb-admin-actions">
            <Button
              size="small"
              onClick={() => {
                setRecording(null);
                setEditing(s);
              }}
            >
              {t('staff.changeRoles')}
              <span className="sr-only">{s.displayName}</span>
            </Button>
            <Button
              size="small"
              onClick={() => {
                setEditing(null);
                setRecording(s);
              }}
            >
              {t('staff.recordIdNumber')}
              <span className="sr-only">{s.displayName}</span>
            </Button>
            <Button
              size="small"
              danger={s.active}
              loading={toggle.isPending && toggle.variables?.id === s.id}
              onClick={() => toggle.mutate({ id: s.id, active: !s.active, name: s.displayName })}
            >
              {s.active ? t('staff.deactivate') : t('staff.reactivate')}
              <span className="sr-only">{s.displayName}</span>
            </Button>
          </span>
        ),
    },
  ];

  return (
    <>
      <PageHeader title={t('staff.title')}>
        <p className="tb-admin__lead">{t('staff.lead')}</p>
      </PageHeader>
      <p role="status" aria-live="polite" className="tb-admin-announce">
        {announcement}
      </p>
      {totp ? <TotpNotice uri={totp.uri} username={totp.username} /> : null}
      {toggle.isError ? <ProblemAlert error={toggle.error} /> : null}
      {editing ? (
        <RolesEditor
          key={editing.id}
          staff={editing}
          onCancel={() => setEditing(null)}
          onDone={(uri) => {
            setTotp(uri ? { uri, username: editing.username } : null);
            setAnnouncement(t('staff.rolesChanged', { name: editing.displayName }));
            setEditing(null);
            refresh();
          }}
        />
      ) : null}
      {recording ? (
        <IdNumberEditor
          key={recording.id}
          staff={recording}
          onCancel={() => setRecording(null)}
          onDone={(r) => {
            setAnnouncement(t('staff.idNumberSaved', { name: recording.displayName, idNumber: r.idNumber }));
            setNotInRegistry(r.inRegistry ? null : recording.displayName);
            setRecording(null);
            refresh();
          }}
        />
      ) : null}
      {notInRegistry ? (
        <Alert type="warning" showIcon title={t('staff.notInRegistry', { name: notInRegistry })} />
      ) : null}
      {staff.isError ? <ProblemAlert error={staff.error} onRetry={() => void staff.refetch()} /> : null}
      <Table<StaffSummary>
        rowKey="id"
        size="middle"
        loading={staff.isPending}
        columns={columns}
        dataSource={staff.data ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        scroll={{ x: 1000 }}
      />
      <CreateStaff
        onCreated={(username, uri) => {
          setTotp(uri ? { uri, username } : null);
          setAnnouncement(t('staff.created', { username }));
          refresh();
        }}
      />
    </>
  );
}

export default StaffPage;
