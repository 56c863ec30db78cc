import type { Council, MeetingDetail } from '@linli/meetings/contract';
import { api } from '@linli/web-kit/client';
import { FormError, useApiForm } from '@linli/web-kit/components/form-errors';
import { ResidentSelect } from '@linli/web-kit/components/resident-select';
import type { Page } from '@linli/web-kit/types';
import { useData } from '@linli/web-kit/use-data';
import { App, Button, Card, DatePicker, Form, Input, Select, Space, Steps } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

interface Values {
  councilId: string;
  title: string;
  startsAt: Dayjs;
  endsAt?: Dayjs;
  stationId?: string;
  placeText?: string;
  chairName?: string;
  items: { kind: string; title: string; id?: string }[];
  flexible: { residentId?: string }[];
  advisers: { name: string; affiliation?: string }[];
}

const itemKinds = ['topic', 'renovation_project', 'property', 'ballot', 'other'] as const;

/** A topic of the pool (the deliberation module's list) that an agenda item can name. */
interface PoolTopic {
  id: string;
  number: string;
  title: string;
  status: string;
  version: number;
}

/** The states of a topic that is waiting for, or on the way to, a meeting. */
const schedulable = ['admissible', 'pooled', 'scheduled', 'escalated', 'deferred'];
/**
 * The states from which the pool itself schedules a topic: such a topic joins the new meeting's
 * agenda through the deliberation module's schedule action (its timeline names the meeting), not
 * as a plain item of the meeting.
 */
const poolSchedules = ['pooled', 'escalated'];

/** A deliberation station as the wizard offers it (from the deliberation module's list). */
interface StationOption {
  id: string;
  name: string;
  nodeName: string;
}
const stepFields: (keyof Values)[][] = [
  ['councilId', 'title', 'startsAt', 'endsAt', 'stationId', 'placeText', 'chairName'],
  ['items'],
  ['flexible', 'advisers'],
];

/** Calls a meeting in three steps: time and place, agenda, invitees (the council's members are invited anyway). */
export default function MeetingWizard() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [step, setStep] = useState(0);
  const [form] = Form.useForm<Values>();
  const { run, error, saving } = useApiForm(form, [
    'councilId',
    'title',
    'startsAt',
    'endsAt',
    'stationId',
    'placeText',
    'items',
    'invitees',
  ]);
  const councils = useData((signal) => api.get<Page<Council>>('/councils', { limit: 500, sort: 'name' }, { signal }), []);
  // The stations in scope to meet at, picked by name (the list answers 403 to callers who may not read it: then none).
  const stations = useData(
    (signal) => api.get<Page<StationOption>>('/deliberation/stations', { limit: 500, active: true }, { signal }).catch(() => undefined),
    [],
  );
  // The pool's topics an agenda item of kind 'topic' may name (none for a caller who may not read the pool).
  const topics = useData(
    (signal) => api.get<Page<PoolTopic>>('/deliberation/topics', { limit: 500, sort: '-submittedAt' }, { signal }).catch(() => undefined),
    [],
  );
  const poolTopics = (topics.data?.items ?? []).filter((x) => schedulable.includes(x.status));
  const councilId = Form.useWatch('councilId', form);
  const council = councils.data?.items.find((c) => c.id === councilId);

  const next = async () => {
    const ok = await form.validateFields(stepFields[step]).catch(() => undefined);
    if (ok) setStep(step + 1);
  };
  const submit = async () => {
    await form.validateFields().catch(() => undefined);
    const v = form.getFieldsValue(true) as Values;
    const items = (v.items ?? []).filter((i) => i?.title?.trim());
    const poolTopic = (i: Values['items'][number]) =>
      i.kind === 'topic' && i.id ? poolTopics.find((x) => x.id === i.id && poolSchedules.includes(x.status)) : undefined;
    const scheduledByPool = (i: Values['items'][number]) => poolTopic(i) !== undefined;
    const created = await run(() =>
      api.post<MeetingDetail>('/meetings', {
        councilId: v.councilId,
        title: v.title,
        startsAt: v.startsAt.toISOString(),
        endsAt: v.endsAt?.toISOString(),
        stationId: v.stationId?.trim() || undefined,
        placeText: v.placeText?.trim() || undefined,
        chairName: v.chairName?.trim() || undefined,
        items: items
          .filter((i) => !scheduledByPool(i))
          .map((i) => ({ kind: i.kind, id: (i.kind === 'topic' && i.id) || undefined, title: i.title.trim() })),
        invitees: [
          ...(v.flexible ?? [])
            .filter((f) => f?.residentId)
            .map((f) => ({ kind: 'flexible', residentId: f.residentId, invitedByPhone: true })),
          ...(v.advisers ?? [])
            .filter((a) => a?.name?.trim())
            .map((a) => ({ kind: 'adviser', name: a.name.trim(), affiliation: a.affiliation?.trim() || undefined })),
        ],
      }),
    );
    if (created) {
      // The pool's topics move to 已排期 as they join the agenda, after the meeting's own items.
      const failed: string[] = [];
      for (const topic of items.map(poolTopic)) {
        if (!topic) continue;
        await api
          .post(`/deliberation/topics/${topic.id}/transition`, { action: 'schedule', version: topic.version, meetingId: created.id })
          .catch(() => failed.push(`${topic.number} ${topic.title}`));
      }
      if (failed.length) message.error(t('meetings.wizard.topicsNotScheduled', { topics: failed.join('、') }));
      else message.success(t('common.saved'));
      navigate(`/meetings/${created.id}`);
    }
  };

  return (
    <Card title={t('meetings.wizard.title')}>
      <Steps
        current={step}
        style={{ marginBottom: 24 }}
        items={[
          { title: t('meetings.wizard.stepTime') },
          { title: t('meetings.wizard.stepAgenda') },
          { title: t('meetings.wizard.stepInvitees') },
        ]}
      />
      <FormError error={error} />
      <Form
        form={form}
        layout="vertical"
        style={{ maxWidth: 720 }}
        initialValues={{ items: [{ kind: 'topic', title: '' }], flexible: [], advisers: [] }}
        data-testid="meeting-wizard"
      >
        <div style={{ display: step === 0 ? 'block' : 'none' }}>
          <Form.Item name="councilId" label={t('meetings.list.council')} rules={[{ required: true, message: t('common.required') }]}>
            <Select
              showSearch
              optionFilterProp="label"
              loading={councils.loading}
              options={councils.data?.items.filter((c) => c.active).map((c) => ({ value: c.id, label: `${c.name}（${c.nodeName}）` }))}
              data-testid="wizard-council"
            />
          </Form.Item>
          <Form.Item
            name="title"
            label={t('meetings.wizard.meetingTitle')}
            rules={[{ required: true, whitespace: true, message: t('common.required') }]}
          >
            <Input maxLength={200} data-testid="wizard-title" />
          </Form.Item>
          <Space>
            <Form.Item name="startsAt" label={t('meetings.wizard.startsAt')} rules={[{ required: true, message: t('common.required') }]}>
              <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />
            </Form.Item>
            <Form.Item name="endsAt" label={t('meetings.wizard.endsAt')}>
              <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />
            </Form.Item>
          </Space>
          <Form.Item name="stationId" label={t('meetings.wizard.stationId')}>
            <Select
              allowClear
              showSearch
              optionFilterProp="label"
              loading={stations.loading}
              options={stations.data?.items.map((s) => ({ value: s.id, label: `${s.name}（${s.nodeName}）` }))}
              onChange={(id?: string) => {
                // The notice says where: the station's name, unless a place was written already.
                const station = stations.data?.items.find((s) => s.id === id);
                if (station && !form.getFieldValue('placeText')?.trim()) form.setFieldValue('placeText', station.name);
              }}
              data-testid="wizard-station"
            />
          </Form.Item>
          <Form.Item
            name="placeText"
            label={t('meetings.wizard.placeText')}
            extra={t('meetings.wizard.placeHint')}
            dependencies={['stationId']}
            rules={[
              ({ getFieldValue }) => ({
                validator: (_, value) =>
                  value?.trim() || getFieldValue('stationId')?.trim()
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('meetings.wizard.placeHint'))),
              }),
            ]}
          >
            <Input maxLength={200} data-testid="wizard-place" />
          </Form.Item>
          <Form.Item name="chairName" label={t('meetings.wizard.chairName')}>
            <Input maxLength={50} />
          </Form.Item>
        </div>
        <div style={{ display: step === 1 ? 'block' : 'none' }}>
          <Form.List name="items">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f, i) => (
                  <Space key={f.key} align="baseline">
                    <span>{i + 1}.</span>
                    <Form.Item name={[f.name, 'kind']}>
                      <Select style={{ width: 140 }} options={itemKinds.map((k) => ({ value: k, label: t(`meetings.itemKinds.${k}`) }))} />
                    </Form.Item>
                    <Form.Item noStyle shouldUpdate>
                      {() =>
                        form.getFieldValue(['items', f.name, 'kind']) === 'topic' && (
                          <Form.Item name={[f.name, 'id']}>
                            <Select
                              allowClear
                              showSearch
                              optionFilterProp="label"
                              placeholder={t('meetings.wizard.pickTopic')}
                              style={{ width: 260 }}
                              loading={topics.loading}
                              options={poolTopics.map((x) => ({ value: x.id, label: `${x.number} ${x.title}` }))}
                              onChange={(id?: string) => {
                                const topic = poolTopics.find((x) => x.id === id);
                                if (topic) form.setFieldValue(['items', f.name, 'title'], topic.title);
                              }}
                              data-testid={`wizard-item-topic-${i}`}
                            />
                          </Form.Item>
                        )
                      }
                    </Form.Item>
                    <Form.Item name={[f.name, 'title']} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
                      <Input
                        placeholder={t('meetings.wizard.item')}
                        style={{ width: 300 }}
                        maxLength={200}
                        data-testid={`wizard-item-${i}`}
                      />
                    </Form.Item>
                    <Button onClick={() => remove(f.name)}>−</Button>
                  </Space>
                ))}
                <Button onClick={() => add({ kind: 'topic', title: '' })}>{t('meetings.wizard.addItem')}</Button>
              </>
            )}
          </Form.List>
        </div>
        <div style={{ display: step === 2 ? 'block' : 'none' }}>
          <p>
            {t('meetings.wizard.membersInvited')}
            {council ? `（${council.members}）` : ''}
          </p>
          <h4>{t('meetings.wizard.flexible')}</h4>
          <Form.List name="flexible">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f) => (
                  <Space key={f.key} align="baseline">
                    <Form.Item name={[f.name, 'residentId']}>
                      <ResidentSelect nodeId={council?.nodeId} />
                    </Form.Item>
                    <Button onClick={() => remove(f.name)}>−</Button>
                  </Space>
                ))}
                <Button onClick={() => add({})}>+</Button>
              </>
            )}
          </Form.List>
          <h4 style={{ marginTop: 16 }}>{t('meetings.wizard.adviser')}</h4>
          <Form.List name="advisers">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f) => (
                  <Space key={f.key} align="baseline">
                    <Form.Item name={[f.name, 'name']}>
                      <Input placeholder={t('meetings.wizard.adviserName')} maxLength={50} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'affiliation']}>
                      <Input placeholder={t('meetings.wizard.affiliation')} maxLength={100} />
                    </Form.Item>
                    <Button onClick={() => remove(f.name)}>−</Button>
                  </Space>
                ))}
                <Button onClick={() => add({ name: '' })}>{t('meetings.wizard.addAdviser')}</Button>
              </>
            )}
          </Form.List>
        </div>
      </Form>
      <Space style={{ marginTop: 24 }}>
        {step > 0 && <Button onClick={() => setStep(step - 1)}>{t('meetings.wizard.previous')}</Button>}
        {step < 2 && (
          <Button type="primary" onClick={next} data-testid="wizard-next">
            {t('meetings.wizard.next')}
          </Button>
        )}
        {step === 2 && (
          <Button type="primary" onClick={submit} loading={saving} data-testid="wizard-submit">
            {t('meetings.wizard.submit')}
          </Button>
        )}
      </Space>
    </Card>
  );
}
