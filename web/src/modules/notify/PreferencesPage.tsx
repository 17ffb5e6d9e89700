import { Button, Checkbox, Form, Input, Select, Switch } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import { Announcement } from '../../ui/Announcement';
import { Badge } from '../../ui/Badge';
import { PageLoading } from '../../ui/PageLoading';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { applyFieldProblems, fieldProblems } from '../../ui/problems';
import { useEnglish } from '../../ui/useEnglish';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { useMe } from '../identity';
import type { Channel, NotificationPreferences, Preferences } from './api';
import { usePreferences, useSavePreferences } from './queries';
import './notify.css';

const ORDER: Channel[] = ['sms', 'email', 'wechat', 'inbox'];
type KindChoice = 'default' | 'off' | Channel;

interface Values {
  channels: Channel[];
  email?: string;
  wechatOpenId?: string;
  quietOn: boolean;
  quietFrom?: string;
  quietTo?: string;
  kinds: Record<string, KindChoice>;
}

function toValues(p: Preferences): Values {
  return {
    channels: p.channels,
    email: p.email ?? '',
    wechatOpenId: p.wechatOpenId ?? '',
    quietOn: Boolean(p.quietHours),
    quietFrom: p.quietHours?.from ?? '22:00',
    quietTo: p.quietHours?.to ?? '07:00',
    kinds: Object.fromEntries(
      p.available.map((k) => {
        const own = p.kinds[k.kind];
        return [k.kind, own === undefined ? 'default' : own.length === 0 ? 'off' : own[0]!];
      }),
    ),
  };
}

function toInput(v: Values): NotificationPreferences {
  const channels = ORDER.filter((c) => c === 'inbox' || v.channels.includes(c));
  const kinds: Record<string, Channel[]> = {};
  for (const [kind, choice] of Object.entries(v.kinds ?? {}))
    if (choice !== 'default') kinds[kind] = choice === 'off' ? [] : [choice];
  return {
    channels,
    email: v.email?.trim() || null,
    wechatOpenId: v.wechatOpenId?.trim() || null,
    quietHours: v.quietOn && v.quietFrom && v.quietTo ? { from: v.quietFrom, to: v.quietTo } : null,
    kinds,
  };
}

function PreferencesForm({ prefs, staff }: { prefs: Preferences; staff: boolean }) {
  const { t } = useTranslation('notify');
  const en = useEnglish();
  const [form] = Form.useForm<Values>();
  const save = useSavePreferences();
  const [saved, setSaved] = useState(false);
  const quietOn = Form.useWatch('quietOn', form);
  const channels = ORDER.filter((c) => !(staff && c === 'sms'));
  const submit = (v: Values) => {
    setSaved(false);
    save.mutate(toInput(v), {
      onSuccess: (p) => {
        form.setFieldsValue(toValues(p));
        setSaved(true);
      },
      onError: (e) => applyFieldProblems(form, fieldProblems(e)),
    });
  };
  return (
    <Form form={form} layout="vertical" requiredMark={false} initialValues={toValues(prefs)} onFinish={submit}>
      {save.isError ? <ProblemAlert error={save.error} /> : null}
      <section className="tb-panel tb-prefs__section" aria-labelledby="prefs-channels">
        <h2 id="prefs-channels">{t('prefs.channels')}</h2>
        <p className="tb-muted" id="prefs-channels-help">
          {t('prefs.channelsHelp')}
        </p>
        <Form.Item name="channels" noStyle>
          <Checkbox.Group
            aria-labelledby="prefs-channels"
            aria-describedby="prefs-channels-help"
            options={channels.map((c) => ({ value: c, label: t(`prefs.channel.${c}`), disabled: c === 'inbox' }))}
          />
        </Form.Item>
        <div className="tb-prefs__addresses">
          <Form.Item
            name="email"
            label={t('prefs.email')}
            rules={[{ type: 'email', message: t('prefs.emailInvalid') }]}
          >
            <Input type="email" autoComplete="email" maxLength={200} />
          </Form.Item>
          <Form.Item
            name="wechatOpenId"
            label={t('prefs.wechat')}
            extra={t('prefs.wechatHelp')}
            rules={[{ pattern: /^[A-Za-z0-9_-]{10,64}$/, message: t('prefs.wechatInvalid') }]}
          >
            <Input autoComplete="off" spellCheck={false} maxLength={64} />
          </Form.Item>
        </div>
      </section>
      <section className="tb-panel tb-prefs__section" aria-labelledby="prefs-quiet">
        <h2 id="prefs-quiet">{t('prefs.quiet')}</h2>
        <p className="tb-muted" id="prefs-quiet-help">
          {t('prefs.quietHelp')}
        </p>
        <Form.Item name="quietOn" valuePropName="checked" label={t('prefs.quietOn')}>
          <Switch aria-describedby="prefs-quiet-help" />
        </Form.Item>
        {quietOn ? (
          <div className="tb-prefs__quiet">
            <Form.Item name="quietFrom" label={t('prefs.quietFrom')} rules={[{ required: true }]}>
              <Input type="time" />
            </Form.Item>
            <Form.Item name="quietTo" label={t('prefs.quietTo')} rules={[{ required: true }]}>
              <Input type="time" />
            </Form.Item>
          </div>
        ) : null}
      </section>
      <section className="tb-panel tb-prefs__section" aria-labelledby="prefs-kinds">
        <h2 id="prefs-kinds">{t('prefs.kinds')}</h2>
        <p className="tb-muted">{t('prefs.kindsHelp')}</p>
        <div className="tb-prefs__kinds">
          {prefs.available.map((k) => (
            <Form.Item
              key={k.kind}
              name={['kinds', k.kind]}
              label={
                <span>
                  {en ? k.name.en : k.name.zh} {k.urgent ? <Badge tone="orange">{t('prefs.urgent')}</Badge> : null}
                </span>
              }
            >
              <Select
                options={[
                  { value: 'default', label: t('prefs.followDefault') },
                  ...channels.filter((c) => c !== 'inbox').map((c) => ({ value: c, label: t(`prefs.channel.${c}`) })),
                  { value: 'inbox', label: t('prefs.inboxOnly') },
                  ...(k.urgent ? [] : [{ value: 'off', label: t('prefs.off') }]),
                ]}
              />
            </Form.Item>
          ))}
        </div>
      </section>
      <Button type="primary" htmlType="submit" size="large" loading={save.isPending}>
        {t('prefs.save')}
      </Button>
      <Announcement>{saved ? t('prefs.saved') : ''}</Announcement>
    </Form>
  );
}

/** 消息设置 (/me/notifications), reached from 我的账号: channels, addresses, quiet hours, and each kind of message. */
export function PreferencesPage() {
  const { t } = useTranslation('notify');
  const me = useMe();
  const prefs = usePreferences();
  useDocumentTitle(t('prefs.title'));
  if (me.data?.kind === 'anonymous')
    return <Navigate to={`/login?returnTo=${encodeURIComponent('/me/notifications')}`} replace />;
  return (
    <div className="tb-container tb-page tb-prefs">
      <header className="tb-page-header">
        <h1>{t('prefs.title')}</h1>
        <p className="tb-muted">
          {t('prefs.lead')} <Link to="/me/inbox">{t('inbox.title')}</Link>
        </p>
      </header>
      {prefs.isPending || me.isPending ? (
        <PageLoading />
      ) : prefs.isError ? (
        <ProblemAlert error={prefs.error} onRetry={() => void prefs.refetch()} />
      ) : (
        <PreferencesForm prefs={prefs.data} staff={me.data?.kind === 'staff'} />
      )}
    </div>
  );
}

export default PreferencesPage;
