import { ReloadOutlined } from '@ant-design/icons';
import type { Ballot } from '@linli/ballots/contract';
import { api } from '@linli/web-kit/client';
import { useCan } from '@linli/web-kit/current-user';
import { useData } from '@linli/web-kit/use-data';
import { Alert, App, Button, Descriptions, Drawer, Popconfirm, Space, Tabs, Tag, Tooltip } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { BallotResultView } from './ballot-result.tsx';
import { ballotLabel, statusColor } from './labels.ts';
import { ProxyPanel } from './proxy-panel.tsx';
import { TallyPanel } from './tally-panel.tsx';

/** How often an open ballot's count of votes is read again while the drawer is shown. */
const REFRESH_MS = 10_000;

/**
 * One ballot: its rules and roll, open/close, and the result (hidden until closed), paper tally and
 * proxies. While it is open the count of votes so far is read again every ten seconds while the page
 * is visible, and on the refresh button.
 */
export function BallotDrawer({ id, onClose, onChanged }: { id: string | null; onClose: () => void; onChanged: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const can = useCan();
  const {
    data: b,
    reload,
    loading,
  } = useData((signal) => (id ? api.get<Ballot>(`/ballots/${id}`, undefined, { signal }) : Promise.resolve(undefined)), [id]);
  const isOpen = b?.status === 'open';
  useEffect(() => {
    if (!id || !isOpen) return;
    const timer = window.setInterval(() => {
      if (document.visibilityState === 'visible') void reload();
    }, REFRESH_MS);
    const onVisible = () => {
      if (document.visibilityState === 'visible') void reload();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [id, isOpen, reload]);
  const act = async (action: 'open' | 'close') => {
    try {
      await api.post(`/ballots/${id}/${action}`);
      message.success(t('common.saved'));
      await reload();
      onChanged();
    } catch (e) {
      message.error((e as Error).message);
    }
  };
  const canWrite = can('ballots.write');
  return (
    <Drawer open={id !== null} onClose={onClose} width={860} title={b?.title} destroyOnHidden data-testid="ballot-drawer">
      {b && (
        <>
          <Space style={{ marginBottom: 12 }}>
            <Tag color={statusColor[b.status]}>{ballotLabel('statuses', b.status)}</Tag>
            {canWrite && b.status === 'draft' && (
              <Popconfirm title={t('ballots.openConfirm')} onConfirm={() => act('open')}>
                <Button type="primary" data-testid="ballot-open">
                  {t('ballots.open')}
                </Button>
              </Popconfirm>
            )}
            {canWrite && b.status === 'open' && (
              <Popconfirm title={t('ballots.closeConfirm')} onConfirm={() => act('close')}>
                <Button danger data-testid="ballot-close">
                  {t('ballots.close')}
                </Button>
              </Popconfirm>
            )}
            {b.status === 'open' && (
              <Tooltip title={t('ballots.refresh')}>
                <Button icon={<ReloadOutlined />} loading={loading} onClick={() => void reload()} data-testid="ballot-refresh" />
              </Tooltip>
            )}
          </Space>
          <Descriptions size="small" column={2} bordered>
            <Descriptions.Item label={t('ballots.subject')}>
              {ballotLabel('subjectKinds', b.subjectKind)} · {b.subjectTitle}
            </Descriptions.Item>
            <Descriptions.Item label={t('ballots.place')}>{b.placeName}</Descriptions.Item>
            <Descriptions.Item label={t('ballots.method')}>{ballotLabel('methods', b.method)}</Descriptions.Item>
            <Descriptions.Item label={t('ballots.voterUnit')}>
              {ballotLabel('units', b.voterUnit)} · {ballotLabel('weightings', b.weighting)}
            </Descriptions.Item>
            <Descriptions.Item label={t('ballots.rule')}>{ballotLabel('rules', b.rule)}</Descriptions.Item>
            <Descriptions.Item label={t('ballots.quorum')}>
              {b.quorum.num === 0 ? t('ballots.noQuorum') : `${b.quorum.num}/${b.quorum.den}`} · {t('ballots.pass')}{' '}
              {b.pass.strict ? '>' : '≥'} {b.pass.num}/{b.pass.den}（{ballotLabel('bases', b.pass.basis)}）
            </Descriptions.Item>
            <Descriptions.Item label={t('ballots.options')}>{b.options.map((o) => o.label).join('、')}</Descriptions.Item>
            <Descriptions.Item label={t('ballots.roll')}>
              {b.roll
                ? `${t('ballots.rollCount', { voters: b.roll.voters })}${b.weighting === 'area' ? ` · ${t('ballots.rollArea', { area: b.roll.area })}` : ''}`
                : '—'}
              {b.castSoFar !== null && ` · ${t('ballots.castSoFar')} ${b.castSoFar}`}
            </Descriptions.Item>
          </Descriptions>
          <Tabs
            style={{ marginTop: 12 }}
            items={[
              {
                key: 'result',
                label: t('ballots.result'),
                children: b.result ? (
                  <BallotResultView result={b.result} weighted={b.weighting === 'area'} />
                ) : (
                  <Alert type="info" message={t('ballots.resultHidden')} />
                ),
              },
              ...(b.method === 'tally' && b.status !== 'draft'
                ? [{ key: 'tally', label: t('ballots.tally'), children: <TallyPanel ballot={b} /> }]
                : []),
              ...(b.status !== 'draft'
                ? [{ key: 'proxies', label: t('ballots.proxies'), children: <ProxyPanel ballot={b} canWrite={canWrite} /> }]
                : []),
            ]}
          />
        </>
      )}
    </Drawer>
  );
}
