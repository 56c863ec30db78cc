import { DownloadOutlined, ReloadOutlined } from '@ant-design/icons';
import type { OpinionMapView } from '@linli/opinion-map/contract';
import { api, download } from '@linli/web-kit/client';
import { useCan } from '@linli/web-kit/current-user';
import { useData } from '@linli/web-kit/use-data';
import { Alert, App, Button, Card, Col, Empty, List, Row, Space, Spin, Tag, Typography } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { groupColour, groupLetter } from './group-colours.ts';

const OpinionScatter = lazy(() => import('./opinion-scatter.tsx'));
const pct = (p: number) => Math.round(p * 100);

/** The council's view: the map (participants by number, coloured by group), each group's representative statements, the consensus. */
export function MapPanel({ conversationId }: { conversationId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const can = useCan();
  const [busy, setBusy] = useState(false);
  const { data, loading, error, reload } = useData(
    (signal) => api.get<OpinionMapView>(`/opinion-map/conversations/${conversationId}/map`, undefined, { signal }),
    [conversationId],
  );
  const recompute = async () => {
    setBusy(true);
    try {
      await api.post(`/opinion-map/conversations/${conversationId}/map`);
      await reload();
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  if (error) return <Alert type="error" message={error.message} />;
  if (!data) return <Spin spinning={loading} />;
  const groupName = (i: number) => t('opinionMap.map.group', { name: groupLetter(i) });
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle" data-testid="opinion-map-panel">
      <Space wrap>
        <Typography.Text type="secondary">
          {t('opinionMap.map.computedAt')}：{new Date(data.computedAt).toLocaleString('zh-CN', { hour12: false })}
        </Typography.Text>
        {can('opinionMap.write') && (
          <Button size="small" icon={<ReloadOutlined />} loading={busy} onClick={recompute}>
            {t('opinionMap.map.recompute')}
          </Button>
        )}
        <Button
          size="small"
          icon={<DownloadOutlined />}
          onClick={() =>
            download(`/opinion-map/conversations/${conversationId}/map/export.xlsx`, undefined, '观点地图.xlsx').catch((e: Error) =>
              message.error(e.message),
            )
          }
        >
          {t('opinionMap.map.export')}
        </Button>
      </Space>
      {data.status === 'insufficient' ? (
        <Alert
          type="info"
          showIcon
          data-testid="opinion-map-insufficient"
          message={t('opinionMap.map.insufficient', {
            eligible: data.eligibleParticipants,
            minVotes: data.minVotes,
            needed: data.neededParticipants,
          })}
        />
      ) : (
        <>
          <Typography.Text data-testid="opinion-map-summary">
            {t('opinionMap.map.summary', { eligible: data.eligibleParticipants, minVotes: data.minVotes, k: data.k })}
          </Typography.Text>
          <Row gutter={16}>
            <Col xs={24} xl={12}>
              <Card size="small">
                <Suspense fallback={<Spin />}>
                  <OpinionScatter
                    points={data.points.map((p) => ({ ...p, label: t('opinionMap.map.participant', { number: p.number }) }))}
                    groups={data.groups}
                    groupName={groupName}
                  />
                </Suspense>
                <Typography.Text type="secondary">{t('opinionMap.map.privacy')}</Typography.Text>
              </Card>
            </Col>
            <Col xs={24} xl={12}>
              <Card
                size="small"
                title={t('opinionMap.map.consensus')}
                extra={<Typography.Text type="secondary">{t('opinionMap.map.consensusHint')}</Typography.Text>}
              >
                {data.consensus.length === 0 ? (
                  <Empty description={t('opinionMap.map.noConsensus')} />
                ) : (
                  <List
                    size="small"
                    data-testid="opinion-map-consensus"
                    dataSource={data.consensus}
                    renderItem={(c) => (
                      <List.Item>
                        <Space direction="vertical" size={2}>
                          <span>
                            <Tag color={c.direction === 'agree' ? 'green' : 'red'}>
                              {t(c.direction === 'agree' ? 'opinionMap.map.commonAgree' : 'opinionMap.map.commonDisagree')}
                            </Tag>
                            {c.body}
                          </span>
                          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                            {c.groupShares.map((p, i) => `${groupName(i)} ${pct(p)}%`).join(' · ')}
                          </Typography.Text>
                        </Space>
                      </List.Item>
                    )}
                  />
                )}
              </Card>
            </Col>
          </Row>
          <Row gutter={16}>
            {data.groups.map((g) => (
              <Col key={g.index} xs={24} md={12} xl={8}>
                <Card
                  size="small"
                  data-testid={`opinion-map-group-${g.index}`}
                  title={
                    <Space>
                      <span style={{ display: 'inline-block', width: 12, height: 12, borderRadius: 6, background: groupColour(g.index) }} />
                      {groupName(g.index)}
                      <Typography.Text type="secondary">{t('opinionMap.map.groupSize', { size: g.size })}</Typography.Text>
                    </Space>
                  }
                >
                  <Typography.Text type="secondary">{t('opinionMap.map.representativeHint')}</Typography.Text>
                  <List
                    size="small"
                    dataSource={g.representative}
                    renderItem={(s) => (
                      <List.Item>
                        <Space direction="vertical" size={2}>
                          <span>
                            <Tag color={s.direction === 'agree' ? 'green' : 'red'}>
                              {t(s.direction === 'agree' ? 'opinionMap.agree' : 'opinionMap.disagree')}
                            </Tag>
                            {s.body}
                          </span>
                          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                            {t(s.direction === 'agree' ? 'opinionMap.map.agreeShare' : 'opinionMap.map.disagreeShare', {
                              share: pct(s.groupShare),
                              other: pct(s.otherShare),
                            })}
                          </Typography.Text>
                        </Space>
                      </List.Item>
                    )}
                  />
                </Card>
              </Col>
            ))}
          </Row>
        </>
      )}
    </Space>
  );
}
