import { PlusOutlined } from '@ant-design/icons';
import { topicLevels, topicSources, topicStatuses } from '@linli/deliberation/vocabulary';
import { TerritorySelect } from '@linli/web-kit/components/territory-select';
import { Button, Checkbox, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TopicFilters } from './topic-filters.ts';
import { topicLabel } from './topic-labels.ts';

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
        value={value.nodeId ?? null}
        valueLabel={value.placeName}
        onChange={(v, node) => set({ nodeId: v, placeName: node?.name })}
      />
      <Select
        allowClear
        placeholder={t('topics.status')}
        style={{ width: 120 }}
        options={topicStatuses.map((s) => ({ value: s, label: topicLabel('statuses', s) }))}
        value={value.status}
        onChange={(v) => set({ status: v })}
        data-testid="topics-status"
      />
      <Select
        allowClear
        placeholder={t('topics.level')}
        style={{ width: 100 }}
        options={topicLevels.map((s) => ({ value: s, label: topicLabel('levels', s) }))}
        value={value.level}
        onChange={(v) => set({ level: v })}
      />
      <Select
        allowClear
        placeholder={t('topics.source')}
        style={{ width: 120 }}
        options={topicSources.map((s) => ({ value: s, label: topicLabel('sourcesNames', s) }))}
        value={value.source}
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
        defaultValue={value.q}
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
