import { useCurrentUser } from '@linli/web-kit/current-user';
import { roleLabel } from '@linli/web-kit/labels';
import type { Ability } from '@linli/web-kit/types';
import { useData } from '@linli/web-kit/use-data';
import { Alert, Badge, Button, Card, Col, Empty, Flex, List, Progress, Row, Skeleton, Space, Statistic, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { boardLink, cardLink, type Figures, percent, type Workbench, type WorkCount, workbenchApi } from './api.ts';
import type { workbenchZh } from './strings.zh-CN.ts';

const EChart = lazy(() => import('@linli/web-kit/components/echart'));

const cardColour: Record<string, string | undefined> = { overdue: '#cf1322', due_soon: '#d46b08' };

function CountCard({ count }: { count: WorkCount }) {
  const { t } = useTranslation();
  const value = count.more ? t('workbench.more', { count: count.count }) : count.count;
  const body = (
    <Card hoverable size="small" data-testid={`wb-card-${count.kind}`}>
      <Statistic
        title={t(`workbench.cards.${count.kind}`)}
        value={value}
        valueStyle={{ color: count.count > 0 ? cardColour[count.kind] : undefined }}
        valueRender={(node) => <span data-testid={`wb-count-${count.kind}`}>{node}</span>}
      />
    </Card>
  );
  const to = cardLink(count.kind);
  return to.startsWith('#') ? (
    <a href={to} data-testid={`wb-link-${count.kind}`}>
      {body}
    </a>
  ) : (
    <Link to={to} data-testid={`wb-link-${count.kind}`}>
      {body}
    </Link>
  );
}

function rateText(rate: number | null, none: string): string {
  const p = percent(rate);
  return p === null ? none : `${p}%`;
}

function FiguresCard({ figures, testId }: { figures: Figures; testId: string }) {
  const { t } = useTranslation();
  const { thisMonth, lastMonth } = figures;
  const none = t('workbench.figures.noBase');
  const rows: { key: string; label: string; now: string | number; before: string | number }[] = [
    { key: 'submitted', label: t('workbench.figures.submitted'), now: thisMonth.submitted, before: lastMonth.submitted },
    {
      key: 'resolutionRate',
      label: t('workbench.figures.resolutionRate'),
      now: rateText(thisMonth.resolutionRate, none),
      before: rateText(lastMonth.resolutionRate, none),
    },
    {
      key: 'satisfactionRate',
      label: t('workbench.figures.satisfactionRate'),
      now: rateText(thisMonth.satisfactionRate, none),
      before: rateText(lastMonth.satisfactionRate, none),
    },
  ];
  return (
    <div data-testid={testId}>
      <Typography.Text type="secondary">{t('workbench.figures.compare', { from: thisMonth.from, to: thisMonth.to })}</Typography.Text>
      <Row gutter={16} style={{ marginTop: 12 }}>
        {rows.map((r) => (
          <Col span={8} key={r.key}>
            <Statistic title={r.label} value={r.now} valueRender={(node) => <span data-testid={`${testId}-${r.key}`}>{node}</span>} />
            <Typography.Text type="secondary" data-testid={`${testId}-${r.key}-last`}>
              {t('workbench.figures.lastValue', { value: r.before })}
            </Typography.Text>
          </Col>
        ))}
      </Row>
      {/* The two rates side by side, last month grey and this month red: no chart library on the home page. */}
      <div data-testid={`${testId}-bars`} style={{ marginTop: 16 }}>
        {(['resolutionRate', 'satisfactionRate'] as const).map((key) => (
          <div key={key} style={{ marginBottom: 8 }}>
            <Typography.Text type="secondary">{t(`workbench.figures.${key}`)}</Typography.Text>
            {[
              { name: t('workbench.figures.lastMonth'), rate: lastMonth[key], colour: '#bfbfbf' },
              { name: t('workbench.figures.thisMonth'), rate: thisMonth[key], colour: '#c8161d' },
            ].map((b) => (
              <Flex key={b.name} align="center" gap={8}>
                <Typography.Text style={{ width: 40, flex: 'none' }}>{b.name}</Typography.Text>
                <Progress
                  status="normal"
                  percent={percent(b.rate) ?? 0}
                  strokeColor={b.colour}
                  format={() => rateText(b.rate, none)}
                  style={{ margin: 0, flex: 1 }}
                />
              </Flex>
            ))}
          </div>
        ))}
      </div>
    </div>
  );
}

function TodayCard({ today }: { today: NonNullable<Workbench['today']> }) {
  const { t } = useTranslation();
  return (
    <Card
      title={t('workbench.today.title')}
      extra={<Typography.Text type="secondary">{t('workbench.today.total', { count: today.total })}</Typography.Text>}
      data-testid="wb-today"
    >
      {today.items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('workbench.today.empty')} />
      ) : (
        <List
          size="small"
          dataSource={today.items}
          renderItem={(d) => {
            const late = dayjs(d.dueAt).isBefore(dayjs());
            return (
              <List.Item
                data-testid="wb-today-item"
                extra={
                  <Space direction="vertical" size={0} style={{ textAlign: 'right' }}>
                    <Typography.Text strong style={{ color: late ? '#cf1322' : undefined }}>
                      {dayjs(d.dueAt).format('HH:mm')}
                    </Typography.Text>
                    <Tag color={d.deadline === 'response' ? 'blue' : 'red'} style={{ marginInlineEnd: 0 }}>
                      {t(`workbench.today.${d.deadline}`)}
                    </Tag>
                  </Space>
                }
              >
                <List.Item.Meta
                  title={
                    <Link to={`/demands/${d.id}`}>
                      {d.number} · {d.title}
                    </Link>
                  }
                  description={`${d.categoryName} · ${d.placeName} · ${t(`demands.statuses.${d.status}`, { defaultValue: d.status })}`}
                />
              </List.Item>
            );
          }}
        />
      )}
    </Card>
  );
}

function TerritoryCard({ territory }: { territory: NonNullable<Workbench['territory']> }) {
  const { t } = useTranslation();
  type Key = 'compoundBranches' | 'buildingGroups' | 'memberHouseholds' | 'submitted' | 'resolved';
  const items: { key: Key; value: number; unit: string; note?: string }[] = [
    {
      key: 'compoundBranches',
      value: territory.compoundBranches,
      unit: t('workbench.territory.unitBranches'),
      note: t('workbench.territory.compoundBranchesNote', { count: territory.compoundBranches, total: territory.compounds }),
    },
    {
      key: 'buildingGroups',
      value: territory.buildingGroups,
      unit: t('workbench.territory.unitGroups'),
      note: t('workbench.territory.buildingGroupsNote', { count: territory.buildingGroups, total: territory.buildings }),
    },
    { key: 'memberHouseholds', value: territory.memberHouseholds, unit: t('workbench.territory.unitHouseholds') },
    { key: 'submitted', value: territory.year.submitted, unit: t('workbench.territory.unitDemands') },
    { key: 'resolved', value: territory.year.resolved, unit: t('workbench.territory.unitDemands') },
  ];
  const share = (n: number, of: number) => (of === 0 ? 0 : Math.round((n / of) * 1000) / 10);
  // How far "one branch per compound" has come: coverage of compounds and buildings, and the year's demands solved.
  const coverageOption = {
    tooltip: { trigger: 'axis', valueFormatter: (v: number) => `${v}%` },
    grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
    yAxis: {
      type: 'category',
      data: [t('workbench.territory.chartSolved'), t('workbench.territory.chartBuildings'), t('workbench.territory.chartCompounds')],
    },
    series: [
      {
        type: 'bar',
        data: [
          share(territory.year.resolved, territory.year.submitted),
          share(territory.buildingGroups, territory.buildings),
          share(territory.compoundBranches, territory.compounds),
        ],
        itemStyle: { color: '#c8161d' },
        barMaxWidth: 24,
        label: { show: true, position: 'right', formatter: '{c}%' },
      },
    ],
  };
  return (
    <Card
      title={t('workbench.territory.title')}
      extra={<Link to="/party">{t('workbench.territory.party')}</Link>}
      data-testid="wb-territory"
    >
      <Row gutter={[16, 16]}>
        {items.map((i) => (
          <Col xs={12} md={8} xl={{ flex: '20%' }} key={i.key}>
            <Statistic
              title={t(`workbench.territory.${i.key}`)}
              value={i.value}
              suffix={i.unit}
              valueRender={(node) => <span data-testid={`wb-territory-${i.key}`}>{node}</span>}
            />
            {i.note && <Typography.Text type="secondary">{i.note}</Typography.Text>}
          </Col>
        ))}
      </Row>
      <Suspense fallback={<Skeleton active />}>
        <div data-testid="wb-territory-chart" style={{ marginTop: 16 }}>
          <EChart option={coverageOption} style={{ height: 180 }} />
        </div>
      </Suspense>
    </Card>
  );
}

function CompoundCard({ view }: { view: Workbench['compounds'][number] }) {
  const { t } = useTranslation();
  return (
    <Card
      title={t('workbench.compound.title', { name: view.compound.name })}
      extra={
        view.boardRef && (
          <a href={boardLink(view.boardRef)} data-testid="wb-compound-board-link">
            {t('workbench.compound.openBoard')}
          </a>
        )
      }
      data-testid="wb-compound"
    >
      <Row gutter={24}>
        <Col xs={24} xl={10}>
          <FiguresCard figures={view.figures} testId="wb-compound-figures" />
        </Col>
        <Col xs={24} xl={14}>
          <Typography.Title level={5} style={{ marginTop: 0 }}>
            {t('workbench.compound.open', { count: view.open.total })}
          </Typography.Title>
          {view.open.items.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('workbench.compound.openEmpty')} />
          ) : (
            <List
              size="small"
              dataSource={view.open.items}
              renderItem={(o) => (
                <List.Item
                  data-testid="wb-compound-open-item"
                  extra={<Tag color="processing">{t(`demands.statuses.${o.status}`, { defaultValue: o.status })}</Tag>}
                >
                  <List.Item.Meta
                    title={`${o.categoryName} · ${o.title}`}
                    description={`${o.number} · ${dayjs(o.submittedAt).format('YYYY-MM-DD')}`}
                  />
                </List.Item>
              )}
            />
          )}
          <Typography.Title level={5}>{t('workbench.compound.board')}</Typography.Title>
          {view.board.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('workbench.compound.boardEmpty')} />
          ) : (
            <List
              size="small"
              dataSource={view.board}
              renderItem={(e) => (
                <List.Item data-testid="wb-compound-board-item">
                  <List.Item.Meta
                    title={`${e.category} · ${e.title}`}
                    description={`${e.place.join(' ')} · ${dayjs(e.resolvedAt).format('YYYY-MM-DD')}${e.result ? ` · ${e.result}` : ''}`}
                  />
                </List.Item>
              )}
            />
          )}
        </Col>
      </Row>
    </Card>
  );
}

function NoticesCard({ notices, volunteer }: { notices: Workbench['notices']; volunteer: boolean }) {
  const { t } = useTranslation();
  return (
    <Card
      id="wb-notices"
      title={t('workbench.notices.title')}
      extra={<Badge count={notices.unread} title={t('workbench.notices.unread', { count: notices.unread })} />}
      data-testid="wb-notices"
    >
      {volunteer && <Alert type="info" showIcon message={t('workbench.notices.volunteer')} style={{ marginBottom: 12 }} />}
      {notices.latest.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('workbench.notices.empty')} />
      ) : (
        <List
          size="small"
          dataSource={notices.latest}
          renderItem={(n) => (
            <List.Item data-testid="wb-notice" extra={dayjs(n.createdAt).format('YYYY-MM-DD HH:mm')}>
              <Space>
                {!n.read && <Badge status="processing" />}
                {n.link ? <Link to={n.link}>{n.title}</Link> : n.title}
              </Space>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}

const shortcuts: { key: keyof typeof workbenchZh.shortcuts; to: string; ability: Ability }[] = [
  { key: 'inbox', to: '/demands', ability: 'demand.handle' },
  { key: 'intake', to: '/demands?tab=to_accept', ability: 'demand.intake' },
  { key: 'dispatch', to: '/demands?tab=to_dispatch', ability: 'demand.dispatch' },
  { key: 'dashboard', to: '/demands/dashboard', ability: 'demand.read' },
  { key: 'hotspots', to: '/demands/hotspots', ability: 'demand.read' },
  { key: 'residents', to: '/residents', ability: 'people.read' },
  { key: 'grids', to: '/grids', ability: 'grid.read' },
  { key: 'party', to: '/party', ability: 'party.read' },
  { key: 'organisations', to: '/organisations', ability: 'organisation.read' },
  { key: 'territory', to: '/territory', ability: 'territory.read' },
];

function Shortcuts() {
  const { t } = useTranslation();
  const { can } = useCurrentUser();
  const mine = shortcuts.filter((s) => can(s.ability) || (s.key === 'inbox' && can('demand.read')));
  return (
    <Card title={t('workbench.shortcuts.title')} data-testid="wb-shortcuts">
      <Space wrap>
        {mine.map((s) => (
          <Link key={s.key} to={s.to} data-testid={`wb-shortcut-${s.key}`}>
            <Button autoInsertSpace={false}>{t(`workbench.shortcuts.${s.key}`)}</Button>
          </Link>
        ))}
      </Space>
    </Card>
  );
}

/** The staff home (工作台): the work that waits, today's deadlines, the scope's figures, shortcuts. */
export default function WorkbenchPage() {
  const { t } = useTranslation();
  const { me } = useCurrentUser();
  const { data, error, reload } = useData((signal) => workbenchApi.get(signal), []);
  if (!me) return null;
  const volunteerOnly = me.grants.every((g) => g.role === 'volunteer');
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="workbench">
      <Card size="small">
        <Space wrap align="baseline">
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('workbench.welcome', { name: me.user.displayName })}
          </Typography.Title>
          <Typography.Text type="secondary">{t('workbench.scope')}</Typography.Text>
          {me.grants.map((g) => (
            <Tag key={g.id} color="red" data-testid="wb-grant">
              {roleLabel(g.role)} · {g.nodeName}
            </Tag>
          ))}
        </Space>
      </Card>
      {error && !data && (
        <Alert
          type="error"
          showIcon
          message={t('workbench.error')}
          description={error.message}
          action={<Button onClick={() => void reload()}>{t('workbench.retry')}</Button>}
        />
      )}
      {!data && !error && <Skeleton active />}
      {data && (
        <>
          <Row gutter={[16, 16]} data-testid="wb-cards">
            {data.counts.map((c) => (
              <Col key={c.kind} xs={12} md={8} xl={{ flex: `${100 / Math.max(data.counts.length, 4)}%` }}>
                <CountCard count={c} />
              </Col>
            ))}
          </Row>
          {(data.today || data.figures) && (
            <Row gutter={[16, 16]}>
              {data.today && (
                <Col xs={24} xl={data.figures ? 13 : 24}>
                  <TodayCard today={data.today} />
                </Col>
              )}
              {data.figures && (
                <Col xs={24} xl={data.today ? 11 : 24}>
                  <Card
                    title={t('workbench.figures.title')}
                    extra={me.abilities.includes('demand.read') && <Link to="/demands/dashboard">{t('workbench.figures.dashboard')}</Link>}
                  >
                    <FiguresCard figures={data.figures} testId="wb-figures" />
                  </Card>
                </Col>
              )}
            </Row>
          )}
          {data.territory && <TerritoryCard territory={data.territory} />}
          {data.compounds.map((v) => (
            <CompoundCard key={v.compound.id} view={v} />
          ))}
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={14}>
              <NoticesCard notices={data.notices} volunteer={volunteerOnly} />
            </Col>
            <Col xs={24} xl={10}>
              <Shortcuts />
            </Col>
          </Row>
        </>
      )}
    </Space>
  );
}
