import { Select } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../client.ts';
import type { Page, Resident } from '../types.ts';

/** Picks a resident by name (or exact phone / ID number), optionally among those living under one node. */
export function ResidentSelect({
  value,
  onChange,
  nodeId,
  testId,
}: {
  value?: string;
  onChange?: (value: string | undefined, resident?: Resident) => void;
  nodeId?: string;
  testId?: string;
}) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [items, setItems] = useState<Resident[]>([]);
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      setLoading(true);
      api
        .get<Page<Resident>>('/people/residents', { nodeId, q: q.trim() || undefined, limit: 30 })
        .then((page) => live && setItems(page.items))
        .catch(() => live && setItems([]))
        .finally(() => live && setLoading(false));
    }, 300);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [q, nodeId]);

  return (
    <Select
      data-testid={testId}
      showSearch={{ filterOption: false, onSearch: setQ }}
      allowClear
      value={value}
      loading={loading}
      placeholder={t('people.pickResident')}
      onChange={(v: string | undefined) =>
        onChange?.(
          v,
          items.find((r) => r.id === v),
        )
      }
      options={items.map((r) => ({ value: r.id, label: `${r.name} · ${r.householdPath.slice(-3).join(' ')}` }))}
      style={{ minWidth: 240 }}
      popupMatchSelectWidth={false}
    />
  );
}
