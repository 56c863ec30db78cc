import { ArrowLeftOutlined, DownloadOutlined } from '@ant-design/icons';
import type { ScenarioDetail } from '@linli/service-clusters/contract';
import { api, download } from '@linli/web-kit/client';
import { useCan } from '@linli/web-kit/current-user';
import { useData } from '@linli/web-kit/use-data';
import { Alert, App, Button, Card, Descriptions, Progress, Result, Space, Spin, Statistic, Tabs, Tag } from 'antd';
import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { AdoptModal } from './adopt-modal.tsx';
import { ClustersTable, LockModal } from './clusters-table.tsx';
import { money, statusColor } from './format.ts';
import { ParametersForm } from './parameters-form.tsx';

const ClustersMap = lazy(() => import('./clusters-map.tsx'));

/** While solving: the elapsed seconds against the time limit (the page polls every second). */
function SolvingProgress({ scenario }: { scenario: ScenarioDetail }) {
  const { t } = useTranslation();
  const elapsed = scenario.elapsedSeconds ?? 0;
  const limit = scenario.timeLimitSeconds;
  return (
    <div data-testid="cluster-solving">
      <Progress percent={Math.min(99, Math.round((elapsed / limit) * 100))} status="active" />
      {t('serviceClusters.solving', { s: elapsed.toFixed(0), limit })}
    </div>
  );
}

/** A scenario: its parameters, solve with progress, the plan on a map and in a table, locks by hand, adoption. */
export default function ScenarioPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const can = useCan();
  const { id = '' } = useParams();
  const scenario = useData((signal) => api.get<ScenarioDetail>(`/service-clusters/scenarios/${id}`, undefined, { signal }), [id]);
  const [locking, setLocking] = useState<string | null>(null);
  const [adopting, setAdopting] = useState(false);
  const [starting, setStarting] = useState(false);
  const s = scenario.data;
  const solving = s?.status === 'solving';
  const { reload } = scenario;
  useEffect(() => {
    if (!solving) return;
    const timer = setInterval(() => void reload(), 1000);
    return () => clearInterval(timer);
  }, [solving, reload]);
  // The plan's table once there is a plan (also right after a solve ends): the parameters before.
  const hasPlan = (s?.clusters.length ?? 0) > 0;
  const [tab, setTab] = useState<string | null>(null);
  useEffect(() => {
    setTab(hasPlan ? 'table' : 'parameters');
  }, [hasPlan]);
  if (scenario.error && !s) return <Result status="404" title={scenario.error.message} />;
  if (!s) return <Spin />;
  const writable = can('serviceClusters.write') && !['adopted', 'superseded', 'solving'].includes(s.status);
  const solve = async () => {
    setStarting(true);
    try {
      await api.post(`/service-clusters/scenarios/${s.id}/solve`);
      await reload();
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      setStarting(false);
    }
  };
  const withoutCoordinates = s.compounds.filter((c) => c.lat === null || c.lng === null).length;
  return (
    <Card
      title={
        <Space>
          <Link to="/service-clusters">
            <ArrowLeftOutlined />
          </Link>
          {s.name}
          <Tag color={statusColor[s.status]}>{t(`serviceClusters.statuses.${s.status}`)}</Tag>
        </Space>
      }
      extra={
        <Space>
          {s.clusters.length > 0 && (
            <Button icon={<DownloadOutlined />} onClick={() => void download(`/service-clusters/scenarios/${s.id}/clusters.xlsx`)}>
              {t('serviceClusters.exportClusters')}
            </Button>
          )}
          {writable && (
            <Button type={s.status === 'solved' ? 'default' : 'primary'} loading={starting} onClick={solve} data-testid="cluster-solve">
              {s.clusters.length ? t('serviceClusters.resolve') : t('serviceClusters.solve')}
            </Button>
          )}
          {can('serviceClusters.write') && s.status === 'solved' && (
            <Button type="primary" onClick={() => setAdopting(true)} data-testid="cluster-adopt">
              {t('serviceClusters.adopt')}
            </Button>
          )}
        </Space>
      }
    >
      <Space direction="vertical" style={{ width: '100%' }} size="middle">
        {solving && <SolvingProgress scenario={s} />}
        {s.status === 'failed' && s.failure && (
          <Alert type="error" showIcon message={t(`serviceClusters.failures.${s.failure}`, { defaultValue: s.failure })} />
        )}
        {s.status === 'draft' && s.clusters.length > 0 && <Alert type="warning" showIcon message={t('serviceClusters.draftNote')} />}
        {s.solverStatus === 'time_limit' && s.status !== 'failed' && (
          <Alert type="info" showIcon message={t('serviceClusters.timeLimitNote', { gap: `${Math.round((s.gap ?? 1) * 100)}%` })} />
        )}
        {s.adoptedAt && (
          <Alert
            type="success"
            showIcon
            message={t('serviceClusters.adoptedBy', {
              who: s.adoptedByName ?? '',
              at: new Date(s.adoptedAt).toLocaleString('zh-CN', { hour12: false }),
            })}
            description={s.status === 'superseded' ? t('serviceClusters.supersededBy') : undefined}
          />
        )}
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 4 }}>
          <Descriptions.Item label={t('serviceClusters.place')}>{s.nodeName}</Descriptions.Item>
          <Descriptions.Item label={t('serviceClusters.compounds')}>{s.compoundCount}</Descriptions.Item>
          <Descriptions.Item label={t('serviceClusters.solverStatus')}>
            {s.solverStatus ? t(`serviceClusters.solverStatuses.${s.solverStatus}`) : '—'}
            {s.solveMs !== null && ` · ${t('serviceClusters.solvedIn', { s: (s.solveMs / 1000).toFixed(1) })}`}
          </Descriptions.Item>
          <Descriptions.Item label={t('serviceClusters.gap')}>{s.gap === null ? '—' : `${(s.gap * 100).toFixed(2)}%`}</Descriptions.Item>
        </Descriptions>
        {s.totals && (
          <Space size="large" wrap>
            <Statistic title={t('serviceClusters.clusters')} value={s.totals.clusters} />
            <Statistic title={t('serviceClusters.viable')} value={s.totals.viable} />
            <Statistic title={t('serviceClusters.subsidy')} value={money(s.totals.subsidy)} />
            <Statistic title={t('serviceClusters.revenue')} value={money(s.totals.revenue)} />
            <Statistic title={t('serviceClusters.cost')} value={money(s.totals.cost)} />
            <Statistic title={t('serviceClusters.households')} value={s.totals.households} />
            <Statistic title={t('serviceClusters.totalDistance')} value={s.totals.distanceKm} />
          </Space>
        )}
        <Tabs
          activeKey={tab ?? (hasPlan ? 'table' : 'parameters')}
          onChange={setTab}
          items={[
            {
              key: 'table',
              label: t('serviceClusters.table'),
              children: <ClustersTable scenario={s} onLock={writable ? setLocking : undefined} />,
            },
            {
              key: 'map',
              label: t('serviceClusters.map'),
              children: (
                <>
                  {withoutCoordinates > 0 && (
                    <Alert
                      type="info"
                      showIcon
                      style={{ marginBottom: 8 }}
                      message={t('serviceClusters.noCoordinates', { n: withoutCoordinates })}
                    />
                  )}
                  <Suspense fallback={<Spin />}>
                    <ClustersMap scenario={s} onPick={writable ? setLocking : undefined} />
                  </Suspense>
                </>
              ),
            },
            {
              key: 'parameters',
              label: t('serviceClusters.parameters'),
              children: <ParametersForm scenario={s} editable={writable} onSaved={() => void reload()} />,
            },
          ]}
        />
      </Space>
      {locking && <LockModal scenario={s} compoundId={locking} onClose={() => setLocking(null)} onSaved={() => void reload()} />}
      {adopting && <AdoptModal scenario={s} onClose={() => setAdopting(false)} onAdopted={() => void reload()} />}
    </Card>
  );
}
