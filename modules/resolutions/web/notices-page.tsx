import type { IdeaList, ObjectionList, Publication, PublicationList, QuarterlyFigures } from '@linli/resolutions/contract';
import { api, download } from '@linli/web-kit/client';
import { FormError, useApiForm } from '@linli/web-kit/components/form-errors';
import { TerritorySelect } from '@linli/web-kit/components/territory-select';
import { useCan } from '@linli/web-kit/current-user';
import { useData } from '@linli/web-kit/use-data';
import { App, Button, Card, DatePicker, Form, Input, InputNumber, List, Select, Space, Table, Tabs, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { label } from './labels.ts';

const rate = (v: number | null) => (v === null ? '—' : `${v}%`);

/** The 公示 generator: publish a place's month, download its A4 notice, read objections; good ideas and the quarterly figures. */
export default function NoticesPage() {
  const { t } = useTranslation();
  return (
    <Card title={t('resolutions.notices.title')}>
      <Tabs
        items={[
          { key: 'notices', label: t('resolutions.notices.title'), children: <Notices /> },
          { key: 'ideas', label: t('resolutions.notices.ideas'), children: <Ideas /> },
          { key: 'figures', label: t('resolutions.notices.figures'), children: <Figures /> },
        ]}
      />
    </Card>
  );
}

function Notices() {
  const { t } = useTranslation();
  const can = useCan();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ nodeId: string; month: Dayjs; objectionDays: number }>();
  const { run, error, saving } = useApiForm(form, ['nodeId', 'month', 'objectionDays']);
  const list = useData((signal) => api.get<PublicationList>('/resolution-publications', undefined, { signal }), []);
  const publish = async () => {
    const v = await form.validateFields().catch(() => undefined);
    if (!v) return;
    const done = await run(() => api.post<Publication>('/resolution-publications', { ...v, month: v.month.format('YYYY-MM') }));
    if (done) {
      message.success(t('common.saved'));
      await list.reload();
    }
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {can('resolutions.write') && (
        <>
          <FormError error={error} />
          <Form
            form={form}
            layout="inline"
            initialValues={{ objectionDays: 7, month: dayjs().subtract(1, 'month') }}
            data-testid="publish-form"
          >
            <Form.Item name="nodeId" rules={[{ required: true, message: t('common.required') }]}>
              <TerritorySelect
                selectableKinds={['subdistrict', 'community', 'compound']}
                deepestKind="compound"
                placeholder={t('resolutions.place')}
                style={{ width: 220 }}
              />
            </Form.Item>
            <Form.Item name="month" label={t('resolutions.notices.month')} rules={[{ required: true, message: t('common.required') }]}>
              <DatePicker picker="month" />
            </Form.Item>
            <Form.Item name="objectionDays" label={t('resolutions.notices.objectionDays')}>
              <InputNumber min={1} max={30} />
            </Form.Item>
            <Button type="primary" loading={saving} onClick={publish} data-testid="publish-notice">
              {t('resolutions.notices.publish')}
            </Button>
          </Form>
        </>
      )}
      <Table<Publication>
        size="small"
        rowKey="id"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        expandable={{ expandedRowRender: (p) => <NoticeDetail notice={p} /> }}
        columns={[
          { title: t('resolutions.place'), dataIndex: 'nodeName' },
          { title: t('resolutions.notices.month'), dataIndex: 'month' },
          { title: t('resolutions.notices.entries'), key: 'entries', render: (_, p) => p.entries.length },
          {
            title: t('resolutions.notices.objectionUntil'),
            dataIndex: 'objectionUntil',
            render: (v: string, p) => (
              <>
                {dayjs(v).format('YYYY-MM-DD HH:mm')}{' '}
                <Tag color={p.open ? 'green' : 'default'}>{p.open ? t('resolutions.notices.open') : t('resolutions.notices.closed')}</Tag>
              </>
            ),
          },
          { title: t('resolutions.notices.objections'), dataIndex: 'objections' },
          {
            key: 'pdf',
            render: (_, p) => (
              <Button
                size="small"
                onClick={() => download(`/resolution-publications/${p.id}/notice.pdf`, undefined, `${p.nodeName}${p.month}公示.pdf`)}
              >
                {t('resolutions.notices.pdf')}
              </Button>
            ),
          },
        ]}
      />
    </Space>
  );
}

function NoticeDetail({ notice }: { notice: Publication }) {
  const { t } = useTranslation();
  const objections = useData(
    (signal) => api.get<ObjectionList>(`/resolution-publications/${notice.id}/objections`, undefined, { signal }),
    [notice.id],
  );
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <List
        size="small"
        dataSource={notice.entries}
        renderItem={(e) => (
          <List.Item>
            {e.title}（{e.nodeName}）· {e.progress}% ·{' '}
            {e.evaluation
              ? `${label('resolutions.supervision.qualities', e.evaluation.quality)} / ${label('resolutions.supervision.satisfactions', e.evaluation.satisfaction)} ${e.evaluation.comment ?? ''}`
              : t('resolutions.noEvaluation')}
          </List.Item>
        )}
      />
      <List
        size="small"
        header={t('resolutions.notices.objections')}
        dataSource={objections.data?.items ?? []}
        renderItem={(o) => (
          <List.Item>
            {dayjs(o.createdAt).format('YYYY-MM-DD HH:mm')} {o.text}
          </List.Item>
        )}
      />
    </Space>
  );
}

function Ideas() {
  const { t } = useTranslation();
  const can = useCan();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ nodeId: string; kind: 'good_opinion' | 'golden_idea'; text: string }>();
  const { run, error, saving } = useApiForm(form, ['nodeId', 'kind', 'text']);
  const list = useData((signal) => api.get<IdeaList>('/resolution-ideas', undefined, { signal }), []);
  const add = async () => {
    const v = await form.validateFields().catch(() => undefined);
    if (!v) return;
    if (await run(() => api.post('/resolution-ideas', v))) {
      message.success(t('common.saved'));
      form.resetFields(['text']);
      await list.reload();
    }
  };
  const report = async () => {
    await download('/resolution-ideas/report.xlsx', { markReported: can('resolutions.write') }, '好意见金点子报送.xlsx');
    await list.reload();
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {can('resolutions.write') && (
        <>
          <FormError error={error} />
          <Form form={form} layout="inline" initialValues={{ kind: 'golden_idea' }}>
            <Form.Item name="nodeId" rules={[{ required: true, message: t('common.required') }]}>
              <TerritorySelect
                selectableKinds={['subdistrict', 'community', 'compound']}
                deepestKind="compound"
                placeholder={t('resolutions.place')}
                style={{ width: 200 }}
              />
            </Form.Item>
            <Form.Item name="kind">
              <Select
                style={{ width: 110 }}
                options={['good_opinion', 'golden_idea'].map((k) => ({ value: k, label: label('resolutions.notices.ideaKinds', k) }))}
              />
            </Form.Item>
            <Form.Item name="text" rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
              <Input placeholder={t('resolutions.notices.ideaText')} style={{ width: 360 }} maxLength={2000} />
            </Form.Item>
            <Button loading={saving} onClick={add}>
              {t('resolutions.notices.addIdea')}
            </Button>
          </Form>
        </>
      )}
      <Button onClick={report} data-testid="ideas-report">
        {t('resolutions.notices.report')}
      </Button>
      <Table
        size="small"
        rowKey="id"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        columns={[
          { title: t('resolutions.place'), dataIndex: 'nodeName' },
          { title: t('resolutions.committees.kind'), dataIndex: 'kind', render: (k: string) => label('resolutions.notices.ideaKinds', k) },
          { title: t('resolutions.notices.ideaText'), dataIndex: 'text' },
          { title: t('resolutions.resolutionTitle'), dataIndex: 'resolutionTitle' },
          { title: t('resolutions.notices.reportedOn'), dataIndex: 'reportedOn' },
        ]}
      />
    </Space>
  );
}

function Figures() {
  const { t } = useTranslation();
  const [year, setYear] = useState(dayjs().year());
  const data = useData((signal) => api.get<QuarterlyFigures>('/resolution-figures/quarterly', { year }, { signal }), [year]);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <InputNumber addonBefore={t('resolutions.notices.year')} value={year} min={2000} max={2100} onChange={(v) => v && setYear(v)} />
      <Table
        size="small"
        rowKey={(r) => `${r.subdistrictId}-${r.quarter}`}
        loading={data.loading}
        dataSource={data.data?.items ?? []}
        pagination={false}
        columns={[
          { title: t('resolutions.notices.subdistrict'), dataIndex: 'subdistrictName' },
          { title: t('resolutions.notices.quarter'), dataIndex: 'quarter', render: (q: number) => `Q${q}` },
          { title: t('resolutions.notices.resolutions'), dataIndex: 'resolutions' },
          { title: t('resolutions.notices.completed'), dataIndex: 'completed' },
          { title: t('resolutions.notices.completionRate'), dataIndex: 'completionRate', render: rate },
          { title: t('resolutions.notices.satisfactionRate'), dataIndex: 'satisfactionRate', render: rate },
          { title: t('resolutions.notices.days'), dataIndex: 'daysDecisionToCompletion', render: (v: number | null) => v ?? '—' },
          { title: t('resolutions.notices.onTime'), dataIndex: 'evaluationsOnTime', render: rate },
        ]}
      />
    </Space>
  );
}
