import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, DatePicker, Flex, Input, Segmented, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';

export interface EditRow {
  key: number;
  day: string | null;
  workday: boolean;
  name: string;
}

/** The county's own overrides of a year: a day, holiday or workday, a name; errors shown on their row. */
export function OverridesEditor({
  year,
  rows,
  rowErrors,
  editable,
  loaded,
  saving,
  onUpdate,
  onRemove,
  onAdd,
  onSave,
}: {
  year: number;
  rows: EditRow[];
  rowErrors: Record<number, string>;
  editable: boolean;
  loaded: boolean;
  saving: boolean;
  onUpdate: (key: number, patch: Partial<EditRow>) => void;
  onRemove: (key: number) => void;
  onAdd: () => void;
  onSave: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Card
      title={t('calendar.overrides')}
      size="small"
      extra={
        editable ? (
          <Button type="primary" onClick={onSave} loading={saving} disabled={!loaded} data-testid="calendar-save">
            {t('calendar.save')}
          </Button>
        ) : null
      }
    >
      {!editable && <Alert type="info" message={t('calendar.readOnly')} style={{ marginBottom: 8 }} />}
      <Flex vertical gap={8}>
        {rows.map((r) => (
          <div key={r.key} data-testid="calendar-override-row">
            <Flex gap={8} align="center" wrap>
              <DatePicker
                value={r.day ? dayjs(r.day) : null}
                onChange={(d) => onUpdate(r.key, { day: d ? d.format('YYYY-MM-DD') : null })}
                minDate={dayjs(`${year}-01-01`)}
                maxDate={dayjs(`${year}-12-31`)}
                disabled={!editable}
                status={rowErrors[r.key] ? 'error' : undefined}
              />
              <Segmented<string>
                value={r.workday ? 'workday' : 'holiday'}
                onChange={(v) => onUpdate(r.key, { workday: v === 'workday' })}
                disabled={!editable}
                options={[
                  { value: 'holiday', label: t('calendar.holiday') },
                  { value: 'workday', label: t('calendar.workday') },
                ]}
              />
              <Input
                value={r.name}
                maxLength={40}
                placeholder={t('calendar.name')}
                onChange={(e) => onUpdate(r.key, { name: e.target.value })}
                disabled={!editable}
                style={{ width: 160 }}
              />
              {editable && (
                <Button icon={<DeleteOutlined />} type="text" danger aria-label={t('common.delete')} onClick={() => onRemove(r.key)} />
              )}
            </Flex>
            {rowErrors[r.key] && <Typography.Text type="danger">{rowErrors[r.key]}</Typography.Text>}
          </div>
        ))}
        {editable && (
          <Button icon={<PlusOutlined />} onClick={onAdd} disabled={!loaded} data-testid="calendar-add">
            {t('calendar.addDay')}
          </Button>
        )}
      </Flex>
    </Card>
  );
}
