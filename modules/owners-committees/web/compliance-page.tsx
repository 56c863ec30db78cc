import type { ComplianceReport, ComplianceRow } from '@linli/owners-committees/contract';
import { api, download, request } from '@linli/web-kit/client';
import { BarChartCard } from '@linli/web-kit/components/charts';
import { TerritorySelect } from '@linli/web-kit/components/territory-select';
import { useCan } from '@linli/web-kit/current-user';
import { useData } from '@linli/web-kit/use-data';
import { Alert, App, Button, Card, DatePicker, Space, Table } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { percent } from './labels.ts';
import type { ownersCommitteesZh } from './strings.zh-CN.ts';

/** Party-share compliance per street (or per community of a chosen street): committees, met / not met, chairs who are branch secretaries. */
export default function CompliancePage() {
  const { t } = useTranslation();
  const [nodeId, setNodeId] = useState<string | undefined>();
  const report = useData((signal) => api.get<ComplianceReport>('/owners-committees/compliance', { nodeId }, { signal }), [nodeId]);
  const rows = report.data?.rows ?? [];
  const can = useCan();
  const { message } = App.useApp();
  /** The county's rule date (county-wide write only; the server refuses others). */
  const setRuleDate = async (date: string) => {
    try {
      await request('PUT', '/owners-committees/settings', { body: { partyRuleFrom: date } });
      message.success(t('common.saved'));
      await report.reload();
    } catch (e) {
      message.error((e as Error).message);
    }
  };
  const k = (key: keyof typeof ownersCommitteesZh.ownersCommittees.compliance) => t(`ownersCommittees.compliance.${key}`);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Card
        title={k('title')}
        extra={
          <Space wrap>
            <TerritorySelect
              selectableKinds={['county', 'subdistrict']}
              deepestKind="subdistrict"
              allowClear
              placeholder={t('ownersCommittees.subdistrict')}
              style={{ width: 200 }}
              onChange={(v) => setNodeId(v)}
            />
            <Button onClick={() => download('/owners-committees/compliance/export.xlsx', { nodeId }, '业委会党员占比.xlsx')}>
              {k('exportExcel')}
            </Button>
          </Space>
        }
      >
        {report.data && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 12 }}
            message={t('ownersCommittees.ruleFrom', { date: report.data.partyRuleFrom })}
            action={
              can('ownersCommittees.write') && (
                <DatePicker
                  allowClear={false}
                  value={dayjs(report.data.partyRuleFrom)}
                  onChange={(d) => d && setRuleDate(d.format('YYYY-MM-DD'))}
                  data-testid="oc-rule-date"
                />
              )
            }
          />
        )}
        <BarChartCard
          labels={rows.map((r) => r.nodeName)}
          values={rows.map((r) => r.partyShareMet)}
          name={k('partyShareMet')}
          testId="oc-compliance-chart"
        />
        <Table<ComplianceRow>
          size="small"
          rowKey="nodeId"
          loading={report.loading}
          dataSource={rows}
          pagination={false}
          scroll={{ x: true }}
          data-testid="oc-compliance"
          columns={[
            { title: t('ownersCommittees.place'), dataIndex: 'nodeName', fixed: 'left' },
            { title: k('committees'), dataIndex: 'committees' },
            { title: k('ownersCommittees'), dataIndex: 'ownersCommittees' },
            { title: k('pmcs'), dataIndex: 'propertyManagementCommittees' },
            { title: k('underRule'), dataIndex: 'underRule' },
            {
              title: k('underRuleMet'),
              dataIndex: 'underRuleMet',
              render: (v: number, r) => `${v} (${percent(r.underRule ? v / r.underRule : null)})`,
            },
            { title: k('partyShareMet'), dataIndex: 'partyShareMet' },
            { title: k('chairIsSecretary'), dataIndex: 'chairIsSecretary' },
            { title: t('ownersCommittees.members'), dataIndex: 'members' },
            {
              title: t('ownersCommittees.partyShare'),
              key: 'share',
              render: (_: unknown, r) => percent(r.members ? r.partyMembers / r.members : null),
            },
            {
              title: k('trainedMembers'),
              key: 'trained',
              render: (_: unknown, r) => percent(r.members ? r.trainedMembers / r.members : null),
            },
          ]}
        />
      </Card>
    </Space>
  );
}
