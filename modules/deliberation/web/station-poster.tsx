import { PrinterOutlined } from '@ant-design/icons';
import { api, apiUrl } from '@linli/web-kit/client';
import { useData } from '@linli/web-kit/use-data';
import { Button, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { StationDetail } from '../src/station-contract.ts';
import { describeSchedule, type StationScheduleRule } from '../src/station-schedule.ts';

// The poster hung at the station: its name, place and hours, and a QR code of its public page. Printed
// on A4 from the browser; the print style hides the app's menu and header.
const printCss = `@media print {
  @page { size: A4; margin: 12mm; }
  body * { visibility: hidden; }
  .station-poster, .station-poster * { visibility: visible; }
  .station-poster { position: absolute; left: 0; top: 0; width: 100%; }
  .station-poster-actions { display: none; }
}`;

export default function StationPoster() {
  const { t } = useTranslation();
  const { id } = useParams();
  const detail = useData((signal) => api.get<StationDetail>(`/deliberation/stations/${id}`, undefined, { signal }), [id]);
  const s = detail.data;
  if (!s) return <Spin />;
  return (
    <div
      className="station-poster"
      data-testid="station-poster-page"
      style={{ maxWidth: 720, margin: '0 auto', padding: 32, background: '#fff', textAlign: 'center' }}
    >
      <style>{printCss}</style>
      <div className="station-poster-actions" style={{ textAlign: 'right' }}>
        <Button icon={<PrinterOutlined />} onClick={() => window.print()}>
          {t('deliberationStations.print')}
        </Button>
      </div>
      <div style={{ background: '#c8161d', color: '#fff', padding: '24px 16px', borderRadius: 8 }}>
        <div style={{ fontSize: 40, fontWeight: 700, letterSpacing: 4 }}>{s.name}</div>
        <div style={{ fontSize: 18, marginTop: 8 }}>{t('deliberationStations.posterLead')}</div>
      </div>
      <div style={{ fontSize: 18, marginTop: 24 }}>{s.place.slice(1).join(' · ')}</div>
      {s.room && <div style={{ fontSize: 16, color: '#555' }}>{s.room}</div>}
      <div style={{ fontSize: 22, marginTop: 16, fontWeight: 600 }}>
        {s.schedule ? describeSchedule(s.schedule as StationScheduleRule) : t('deliberationStations.noSchedule')}
        {s.schedule?.note ? `（${s.schedule.note}）` : ''}
      </div>
      <img
        src={apiUrl(`/deliberation/stations/${s.id}/qr.svg`)}
        alt="QR"
        style={{ width: 300, height: 300, marginTop: 24 }}
        data-testid="station-qr"
      />
      <div style={{ fontSize: 18, marginTop: 8 }}>{t('deliberationStations.posterScan')}</div>
    </div>
  );
}
