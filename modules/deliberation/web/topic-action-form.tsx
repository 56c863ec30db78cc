import type { ScopeKind, TopicDetail } from '@linli/deliberation/contract';
import { adviserRoles } from '@linli/deliberation/vocabulary';
import { api } from '@linli/web-kit/client';
import { FormError, useApiForm } from '@linli/web-kit/components/form-errors';
import { useData } from '@linli/web-kit/use-data';
import { App, Button, Form, Input, InputNumber, Radio, Select, TreeSelect } from 'antd';
import { useTranslation } from 'react-i18next';
import { topicLabel } from './topic-labels.ts';
import { TopicMergePicker } from './topic-merge-picker.tsx';

export type TopicFormAction =
  | 'screen'
  | 'escalate'
  | 'merge'
  | 'adviser'
  | 'pool'
  | 'schedule'
  | 'deliberate'
  | 'decide'
  | 'implement'
  | 'complete'
  | 'evaluate'
  | 'publish'
  | 'close';

interface CategoryNode {
  id: string;
  name: string;
  children?: CategoryNode[];
}

interface TreeNode {
  value: string;
  title: string;
  children?: TreeNode[];
}

/** A meeting as the schedule form offers it (from the meetings module's list). */
interface MeetingOption {
  id: string;
  title: string;
  startsAt: string;
  status: string;
}

const toTree = (nodes: CategoryNode[]): TreeNode[] =>
  nodes.map((n) => ({ value: n.id, title: n.name, children: n.children ? toTree(n.children) : undefined }));

/** The form of one action on a topic; it sends the version the caller saw, so a concurrent change is a 409. */
export function TopicActionForm({
  topic,
  action,
  onDone,
}: {
  topic: TopicDetail;
  action: TopicFormAction;
  onDone: (t: TopicDetail) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const { run, error, saving } = useApiForm(form, [
    'outcome',
    'kindCode',
    'reason',
    'redirectNote',
    'demandCategoryId',
    'intoId',
    'to',
    'note',
    'satisfaction',
    'meetingId',
    'role',
    'name',
    'organisation',
    'parties',
  ]);
  const kinds = useData(
    (signal) =>
      action === 'screen' ? api.get<{ items: ScopeKind[] }>('/deliberation/scope-kinds', {}, { signal }) : Promise.resolve({ items: [] }),
    [action],
  );
  const categories = useData(
    (signal) =>
      action === 'screen' ? api.get<{ items: CategoryNode[] }>('/demand-categories', {}, { signal }) : Promise.resolve({ items: [] }),
    [action],
  );
  // The meetings not yet held that the topic can join (meetings answers 403 to a caller who may not read them: then none).
  const meetings = useData(
    (signal) =>
      action === 'schedule'
        ? api
            .get<{ items: MeetingOption[] }>('/meetings', { limit: 200, sort: '-startsAt' }, { signal })
            .then((p) => p.items.filter((m) => ['draft', 'published', 'open'].includes(m.status)))
            .catch(() => [] as MeetingOption[])
        : Promise.resolve([] as MeetingOption[]),
    [action],
  );
  const outcome = Form.useWatch('outcome', form) as string | undefined;
  const id = topic.id;
  const submit = async () => {
    const v = await form.validateFields().catch(() => undefined);
    if (!v) return;
    const version = topic.version;
    const done = await run(() => {
      switch (action) {
        case 'screen':
          return api.post<TopicDetail>(`/deliberation/topics/${id}/screen`, { ...v, version });
        case 'escalate':
          return api.post<TopicDetail>(`/deliberation/topics/${id}/escalate`, { ...v, version });
        case 'merge':
          return api.post<TopicDetail>(`/deliberation/topics/${id}/merge`, { ...v, version });
        case 'adviser':
          return api.post<TopicDetail>(`/deliberation/topics/${id}/advisers`, v);
        default:
          return api.post<TopicDetail>(`/deliberation/topics/${id}/transition`, { ...v, action, version });
      }
    });
    if (done) {
      message.success(t('common.saved'));
      form.resetFields();
      onDone(done);
    }
  };
  const required = [{ required: true, message: t('common.required') }];
  const listOf = outcome === 'excluded' ? 'excluded' : 'allowed';
  return (
    <Form form={form} layout="vertical" data-testid={`topic-action-${action}`} initialValues={{ outcome: 'admissible' }}>
      <FormError error={error} />
      {action === 'screen' && (
        <>
          <Form.Item name="outcome" label={t('topics.outcome')}>
            <Radio.Group
              options={[
                { value: 'admissible', label: topicLabel('statuses', 'admissible') },
                { value: 'excluded', label: topicLabel('statuses', 'excluded') },
              ]}
            />
          </Form.Item>
          <Form.Item name="kindCode" label={t('topics.kind')} rules={required}>
            <Select
              data-testid="topic-kind"
              options={(kinds.data?.items ?? [])
                .filter((k) => k.active && k.list === listOf)
                .map((k) => ({ value: k.code, label: k.redirect ? `${k.name}（${topicLabel('redirects', k.redirect)}）` : k.name }))}
            />
          </Form.Item>
          <Form.Item name="reason" label={t('topics.reason')} rules={outcome === 'excluded' ? required : []}>
            <Input.TextArea maxLength={1000} rows={2} />
          </Form.Item>
          {outcome === 'excluded' && (
            <>
              <Form.Item name="demandCategoryId" label={t('topics.demandCategory')}>
                <TreeSelect allowClear treeData={toTree(categories.data?.items ?? [])} />
              </Form.Item>
              <Form.Item name="redirectNote" label={t('topics.redirectNote')}>
                <Input maxLength={1000} />
              </Form.Item>
            </>
          )}
        </>
      )}
      {action === 'escalate' && (
        <>
          <Form.Item name="reason" label={t('topics.reason')} rules={required}>
            <Input.TextArea maxLength={1000} rows={2} />
          </Form.Item>
          <Form.Item name="parties" label={t('topics.parties')}>
            <InputNumber min={1} max={100000} />
          </Form.Item>
        </>
      )}
      {action === 'merge' && (
        <>
          <Form.Item name="intoId" label={t('topics.mergePicker.target')} rules={required}>
            <TopicMergePicker topic={topic} />
          </Form.Item>
          <Form.Item name="note" label={t('topics.note')}>
            <Input maxLength={1000} />
          </Form.Item>
        </>
      )}
      {action === 'adviser' && (
        <>
          <Form.Item name="role" label={t('topics.adviserRole')} rules={required}>
            <Select options={adviserRoles.map((r) => ({ value: r, label: topicLabel('roles', r) }))} />
          </Form.Item>
          <Form.Item name="name" label={t('topics.adviserName')} rules={required}>
            <Input maxLength={50} />
          </Form.Item>
          <Form.Item name="organisation" label={t('topics.organisation')}>
            <Input maxLength={100} />
          </Form.Item>
        </>
      )}
      {action === 'decide' && (
        <Form.Item name="to" label={t('topics.to')} rules={required}>
          <Radio.Group options={['adopted', 'rejected', 'deferred'].map((s) => ({ value: s, label: topicLabel('statuses', s) }))} />
        </Form.Item>
      )}
      {action === 'schedule' && (
        <Form.Item name="meetingId" label={t('topics.meeting')} rules={required}>
          <Select
            showSearch
            optionFilterProp="label"
            loading={meetings.loading}
            placeholder={t('topics.pickMeeting')}
            notFoundContent={t('topics.noMeeting')}
            options={(meetings.data ?? []).map((m) => ({ value: m.id, label: `${m.startsAt.slice(0, 10)} ${m.title}` }))}
            data-testid="topic-schedule-meeting"
          />
        </Form.Item>
      )}
      {action === 'evaluate' && (
        <Form.Item name="satisfaction" label={t('topics.satisfaction')} rules={required}>
          <InputNumber min={0} max={1} step={0.05} />
        </Form.Item>
      )}
      {!['screen', 'escalate', 'merge', 'adviser'].includes(action) && (
        <Form.Item name="note" label={t('topics.note')}>
          <Input maxLength={1000} />
        </Form.Item>
      )}
      <Button type="primary" loading={saving} onClick={submit} data-testid="topic-action-submit">
        {action === 'adviser' ? t('topics.addAdviser') : topicLabel('actionNames', action)}
      </Button>
    </Form>
  );
}
