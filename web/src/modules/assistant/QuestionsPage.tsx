import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Select, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../ui/format';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { useEnglish } from '../../ui/useEnglish';
import { findServices, listQuestions, mapQuestion, type QuestionRow } from './api';
import type { Wire } from '../../../../contracts/wire';

/** Picks a published item by its name (the catalogue search), to map a question to it. */
function ItemPicker({ onPick, label }: { onPick: (code: string) => void; label: string }) {
  const [q, setQ] = useState('');
  const found = useQuery({
    queryKey: ['assistant', 'services', q],
    queryFn: ({ signal }) => findServices(q, signal),
    enabled: q.trim().length > 0,
  });
  return (
    <Select
      showSearch={{ filterOption: false, onSearch: setQ }}
      aria-label={label}
      placeholder={label}
      style={{ minWidth: '14rem' }}
      options={(found.data ?? []).map((s) => ({ value: s.code, label: `${s.name}（${s.region.name}）` }))}
      onChange={(code: string) => onPick(code)}
    />
  );
}

/** 客服未解答问题: questions the assistant declined or answered unhelpfully, for the catalogue team. */
export default function QuestionsPage() {
  const { t } = useTranslation('assistant');
  useDocumentTitle(t('questions.title'));
  const english = useEnglish();
  const client = useQueryClient();
  const list = useQuery({
    queryKey: ['assistant', 'questions'],
    queryFn: ({ signal }) => listQuestions('open', signal),
    staleTime: 0,
  });
  const map = useMutation({
    mutationFn: (v: { id: string; itemCode?: string }) =>
      mapQuestion(v.id, v.itemCode ? { itemCode: v.itemCode } : { dismiss: true }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['assistant', 'questions'] }),
  });
  return (
    <>
      <header className="tb-page-header">
        <h1>{t('questions.title')}</h1>
        <p>{t('questions.lead')}</p>
      </header>
      {list.isError ? <ProblemAlert error={list.error} /> : null}
      {map.isError ? <ProblemAlert error={map.error} /> : null}
      <Table<Wire<QuestionRow>>
        rowKey="id"
        loading={list.isPending}
        dataSource={list.data ?? []}
        pagination={false}
        locale={{ emptyText: t('questions.empty') }}
        columns={[
          { title: t('questions.question'), dataIndex: 'question' },
          { title: t('questions.reason'), render: (_, r) => t(`questions.reasons.${r.reason}`) },
          { title: t('questions.item'), render: (_, r) => r.item?.name ?? '—' },
          { title: t('questions.count'), dataIndex: 'count' },
          { title: t('questions.last'), render: (_, r) => formatDate(r.lastAskedAt, english) },
          {
            title: t('questions.action'),
            render: (_, r) => (
              <div className="tb-assistant__chips">
                <ItemPicker label={t('questions.mapTo')} onPick={(itemCode) => map.mutate({ id: r.id, itemCode })} />
                <Button onClick={() => map.mutate({ id: r.id })}>{t('questions.dismiss')}</Button>
              </div>
            ),
          },
        ]}
      />
    </>
  );
}
