import { api } from '@linli/web-kit/client';
import { useData } from '@linli/web-kit/use-data';
import { DotLoading, ErrorBlock } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { MyStations } from '../src/station-contract.ts';
import { StationPublicView } from './station-public-view.tsx';

/** 身边的议事站: the stations of the resident's compound, community and street, each leading to its page. */
export default function MobileStations() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const mine = useData((signal) => api.get<MyStations>('/deliberation/my-stations', undefined, { signal }), []);
  if (!mine.data)
    return (
      <div style={{ textAlign: 'center', padding: 48 }}>
        <DotLoading />
      </div>
    );
  if (!mine.data.items.length) return <ErrorBlock status="empty" title={t('deliberationStations.mobile.none')} description="" />;
  return (
    <div data-testid="mobile-stations">
      <div style={{ padding: '12px 12px 0', fontSize: 16, fontWeight: 600 }}>{t('deliberationStations.mobile.title')}</div>
      {mine.data.items.map((s) => (
        // biome-ignore lint/a11y/noStaticElementInteractions: the card opens the station's page, as a list item would
        <div
          key={s.id}
          onClick={() => navigate(`/board/stations/${s.tenantId}/${s.id}`)}
          onKeyDown={undefined}
          data-testid="mobile-station"
        >
          <StationPublicView station={s} full={false} />
        </div>
      ))}
    </div>
  );
}
