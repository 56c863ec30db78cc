import { api } from '@linli/web-kit/client';
import { DotLoading, ErrorBlock, NavBar } from 'antd-mobile';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import type { PublicStation } from '../src/station-contract.ts';
import { StationPublicView } from './station-public-view.tsx';

/** A station's public page (its QR code leads here): no sign-in, nothing personal. */
export default function StationPublicPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { tenantId, id } = useParams();
  const [station, setStation] = useState<PublicStation | null | undefined>();
  useEffect(() => {
    const controller = new AbortController();
    api
      .get<PublicStation>(`/public/tenants/${tenantId}/deliberation-stations/${id}`, undefined, {
        signal: controller.signal,
        allow401: true,
      })
      .then(setStation)
      .catch(() => setStation(null));
    return () => controller.abort();
  }, [tenantId, id]);
  return (
    <div style={{ minHeight: '100vh', background: '#f5f5f5' }}>
      <NavBar back={window.history.length > 1 ? '' : null} onBack={() => navigate(-1)}>
        {t('deliberationStations.title')}
      </NavBar>
      {station === undefined && (
        <div style={{ textAlign: 'center', padding: 48 }}>
          <DotLoading />
        </div>
      )}
      {station === null && <ErrorBlock status="empty" title={t('deliberationStations.public.notFound')} description="" />}
      {station && <StationPublicView station={station} full tenantId={tenantId} />}
    </div>
  );
}
