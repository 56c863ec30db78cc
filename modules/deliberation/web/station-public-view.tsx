import { Card, Image, List, Space, Tag } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { PublicStation } from '../src/station-contract.ts';
import { describeSchedule, type StationScheduleRule } from '../src/station-schedule.ts';
import { levelKey, openingRange } from './stations-api.ts';

/** What a resident sees of a station (public page and 身边的议事站): place, hours, coming openings, rules in force, photos. */
export function StationPublicView({ station, full, tenantId }: { station: PublicStation; full: boolean; tenantId?: string }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const zh = i18n.language !== 'en-US';
  return (
    <Card
      title={
        <Space wrap style={{ '--gap': '6px' }}>
          <span data-testid="station-public-name">{station.name}</span>
          <Tag color="primary" fill="outline">
            {station.kindName}
          </Tag>
          <Tag fill="outline">{t(levelKey[station.level])}</Tag>
        </Space>
      }
      style={{ margin: 12 }}
    >
      <div style={{ color: '#666' }}>{station.place.slice(1).join(' · ')}</div>
      {station.room && <div style={{ color: '#666' }}>{station.room}</div>}
      <div style={{ marginTop: 8, fontWeight: 500 }} data-testid="station-public-schedule">
        {station.schedule
          ? `${describeSchedule(station.schedule as StationScheduleRule, zh ? 'zh-CN' : 'en-US')}${station.schedule.note ? `（${station.schedule.note}）` : ''}`
          : t('deliberationStations.public.openingsNone')}
      </div>
      {station.openings.length > 0 && (
        <div style={{ fontSize: 13, color: '#888' }}>
          {t('deliberationStations.nextOpening')}：{openingRange(station.openings[0]!, zh)}
        </div>
      )}
      {full && station.photos.length > 0 && (
        <Space wrap style={{ marginTop: 8 }}>
          {station.photos.map((p) => (
            <Image key={p.id} src={p.url} width={96} height={72} fit="cover" />
          ))}
        </Space>
      )}
      {full && station.openings.length > 1 && (
        <List header={t('deliberationStations.openings')} style={{ marginTop: 8 }}>
          {station.openings.map((o) => (
            <List.Item key={o.start}>{openingRange(o, zh)}</List.Item>
          ))}
        </List>
      )}
      {full && tenantId && (
        <List style={{ marginTop: 8 }}>
          <List.Item
            clickable
            onClick={() => navigate(`/board/notices/${tenantId}/${station.nodeId}`)}
            data-testid="station-public-notices"
          >
            {t('deliberationStations.public.notices')}
          </List.Item>
        </List>
      )}
      {full && station.rules && (
        <List
          header={t('deliberationStations.public.rulesTitle', { v: station.rules.version })}
          style={{ marginTop: 8 }}
          data-testid="station-public-rules"
        >
          {(['scopeSummary', 'procedure', 'meetingRules'] as const)
            .filter((k) => station.rules?.[k])
            .map((k) => (
              <List.Item key={k} description={<div style={{ whiteSpace: 'pre-wrap', color: '#333' }}>{station.rules?.[k]}</div>}>
                {t(`deliberationStations.${k}`)}
              </List.Item>
            ))}
        </List>
      )}
    </Card>
  );
}
