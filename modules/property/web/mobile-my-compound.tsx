import type { MyCompounds } from '@linli/property/contract';
import { api } from '@linli/web-kit/client';
import { useData } from '@linli/web-kit/use-data';
import { Card, ErrorBlock, List, SpinLoading, Tag } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { looseT } from './loose-t.ts';

const pct = (v: number | null) => (v === null ? '—' : `${Math.round(v * 1000) / 10}%`);
const statusColor = { well: 'success', poor: 'warning', unmanaged: 'danger', self: 'primary' } as const;

/**
 * 我的小区物业 on the phone: for each compound of the resident's households, the management status and
 * service mode, the company with its service number (tap to call), the contract's period, services,
 * fee standard and latest collection rate, the owners' committee with its term and members (names
 * masked), and links to rate the service and report a case.
 */
export default function MobileMyCompound() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { data, error, loading } = useData((signal) => api.get<MyCompounds>('/me/property', undefined, { signal }), []);
  if (loading && !data) return <SpinLoading style={{ margin: '40px auto' }} />;
  if (error) return <ErrorBlock status="default" description={error.message} />;
  if (!data?.compounds.length) return <ErrorBlock status="empty" description={t('property.mobile.none')} />;
  return (
    <div data-testid="m-my-compound">
      {data.compounds.map((c) => (
        <div key={c.compoundId}>
          <List header={`${c.communityName} · ${c.compoundName}`}>
            <List.Item extra={<Tag color={statusColor[c.status]}>{t(`property.statuses.${c.status}`)}</Tag>}>
              {t('property.status')}
            </List.Item>
            <List.Item extra={c.serviceMode ? t(`property.modes.${c.serviceMode}`) : '—'}>{t('property.serviceMode')}</List.Item>
          </List>
          <List header={t('property.mobile.company')}>
            {c.company ? (
              <>
                <List.Item description={t(`property.kinds.${c.company.kind}`)}>{c.company.name}</List.Item>
                {c.company.servicePhone && (
                  <List.Item extra={<a href={`tel:${c.company.servicePhone}`}>{c.company.servicePhone}</a>}>
                    {t('property.servicePhone')}
                  </List.Item>
                )}
              </>
            ) : (
              <List.Item>{t('property.mobile.noCompany')}</List.Item>
            )}
          </List>
          {c.contract && (
            <List header={t('property.mobile.contract')}>
              <List.Item extra={`${c.contract.startsOn} ~ ${c.contract.endsOn ?? t('property.mobile.open')}`}>
                {t('property.period')}
              </List.Item>
              <List.Item extra={t('property.mobile.feeValue', { fee: c.contract.feePerM2Month.toFixed(2) })}>
                {t('property.mobile.fee')}
              </List.Item>
              <List.Item extra={c.contract.services.join('、') || '—'}>{t('property.services')}</List.Item>
              <List.Item extra={c.contract.collectionPeriod ? `${pct(c.contract.collectionRate)}（${c.contract.collectionPeriod}）` : '—'}>
                {t('property.collectionRate')}
              </List.Item>
            </List>
          )}
          {c.receptionDays.length > 0 && (
            <List header={t('property.mobile.reception')} data-testid="m-reception-days">
              {c.receptionDays.map((d) => (
                <List.Item key={`${d.heldOn}-${d.hours}`} description={`${d.place} · ${d.hostName}`}>
                  {d.heldOn} {d.hours}
                </List.Item>
              ))}
            </List>
          )}
          <Card title={t('property.mobile.committee')} style={{ margin: 12 }} data-testid="m-my-committee">
            {c.committee ? (
              <>
                <div>{c.committee.name}</div>
                <div style={{ color: '#888', fontSize: 13, margin: '4px 0 8px' }}>
                  {t('property.mobile.term', { start: c.committee.termStart, end: c.committee.termEnd })}
                </div>
                {c.committee.members.map((m) => (
                  <Tag key={m.id} fill="outline" style={{ margin: '0 6px 6px 0' }}>
                    {looseT(t)(`property.mobile.positions.${m.position}`)} {m.name}
                  </Tag>
                ))}
              </>
            ) : (
              t('property.mobile.noCommittee')
            )}
          </Card>
        </div>
      ))}
      <List>
        <List.Item arrow onClick={() => navigate('/m/property-evaluation')}>
          {t('property.mobile.rate')}
        </List.Item>
        <List.Item arrow onClick={() => navigate('/m/urban-cases/new')}>
          {t('property.mobile.reportCase')}
        </List.Item>
      </List>
    </div>
  );
}
