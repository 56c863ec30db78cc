import type { ManagementStatus } from '@linli/property/contract';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

export const statusColors: Record<ManagementStatus, string> = { well: 'green', poor: 'orange', unmanaged: 'red', self: 'blue' };
export const statusChartColors: Record<ManagementStatus, string> = {
  well: '#52c41a',
  poor: '#faad14',
  unmanaged: '#c8161d',
  self: '#1677ff',
};

/** A management status as a coloured tag (管得好 green, 管不好 orange, 无人管 red, 自己管 blue). */
export function StatusTag({ status }: { status: ManagementStatus }) {
  const { t } = useTranslation();
  return <Tag color={statusColors[status]}>{t(`property.statuses.${status}`)}</Tag>;
}
