import { PlusOutlined } from '@ant-design/icons';
import { topicLevels, topicSources, topicStatuses } from '@linli/deliberation/vocabulary';
import { TerritorySelect } from '@linli/web-kit/components/territory-select';
import { Button, Checkbox, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { topicLabel } from './topic-labels.ts';

export interface TopicFilters {
  nodeId?: string;
  status?: string;
  level?: string;
  source?: string;
  redProject?: boolean;
  overdue?: boolean;
  q?: string;
}

/** The pool's filter bar: place, state, bank, source, red projects, overdue, words; and the create button. */
export function TopicsFilter({
  value,
  onChange,
  onCreate,
}: {
  value: TopicFilters;
  onChange: (next: TopicFilters) => void;
  onCreate?: () => void;
}) {
  const { t } = useTranslation();
  const set = (patch: Partial<TopicFilters>) => onChange({ ...value, ...patch });
  return (
    <>
      <TerritorySelect
        selectableKinds={['subdistrict', 'community', 'compound']}
        deepestKind="compound"
        allowClear
        placeholder={t('topics.place')}
        style={{ width: 200 }}
        onChange={(v) => set({ nodeId: v })}
      />
      <Select
        allowClear
        placeholder={t('topics.status')}
        style={{ width: 120 }}
        options={topicStatuses.map((s) => ({ value: s, label: topicLabel('statuses', s) }))}
        onChange={(v) => set({ status: v })}
        data-testid="topics-status"
      />
      <Select
        allowClear
        placeholder={t('topics.level')}
        style={{ width: 100 }}
        options={topicLevels.map((s) => ({ value: s, label: topicLabel('levels', s) }))}
        onChange={(v) => set({ level: v })}
      />
      <Select
        allowClear
        placeholder={t('topics.source')}
        style={{ width: 120 }}
        options={topicSources.map((s) => ({ value: s, label: topicLabel('sourcesNames', s) }))}
        onChange={(v) => set({ source: v })}
      />
      <Checkbox checked={value.redProject === true} onChange={(e) => set({ redProject: e.target.checked || undefined })}>
        {t('topics.red')}
      </Checkbox>
      <Checkbox checked={value.overdue === true} onChange={(e) => set({ overdue: e.target.checked || undefined })}>
        {t('topics.overdue')}
      </Checkbox>
      <Input.Search
        allowClear
        placeholder={t('topics.search')}
        style={{ width: 200 }}
        onSearch={(v) => set({ q: v.trim() || undefined })}
      />
      {onCreate && (
        <Button type="primary" icon={<PlusOutlined />} onClick={onCreate} data-testid="topics-create">
          {t('topics.create')}
        </Button>
      )}
    </>
  );
}
