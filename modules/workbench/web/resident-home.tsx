import { useData } from '@linli/web-kit/use-data';
import { DotLoading, List, Tag } from 'antd-mobile';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { workbenchApi } from './api.ts';

/**
 * The resident's phone home (below the greeting): the full address of each home, their open demands
 * and the latest of their community's notice board.
 */
export default function ResidentHomeBlock() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { data } = useData((signal) => workbenchApi.home(signal), []);
  if (!data) {
    return (
      <div style={{ textAlign: 'center', padding: 24, color: 'var(--adm-color-primary)' }}>
        <DotLoading color="currentColor" />
      </div>
    );
  }
  return (
    <div data-testid="resident-home">
      <List header={t('workbench.mobile.address')}>
        {data.homes.length === 0 ? (
          <List.Item>{t('workbench.mobile.noHousehold')}</List.Item>
        ) : (
          data.homes.map((h) => (
            <List.Item key={h.householdId} data-testid="mobile-household" description={h.community ?? undefined}>
              <span data-testid="mobile-address">{[h.compound, h.building, h.entrance, h.room].filter(Boolean).join(' ')}</span>
            </List.Item>
          ))
        )}
      </List>
      <List header={t('workbench.mobile.openDemands', { count: data.openDemands.total })} data-testid="mobile-open-demands">
        {data.openDemands.items.length === 0 ? (
          <List.Item>{t('workbench.mobile.noOpenDemands')}</List.Item>
        ) : (
          data.openDemands.items.map((d) => (
            <List.Item
              key={d.id}
              clickable
              onClick={() => navigate(`/m/demands/${d.id}`)}
              data-testid="mobile-open-demand"
              description={`${d.number} · ${d.categoryName} · ${dayjs(d.submittedAt).format('YYYY-MM-DD')}`}
              extra={<Tag color="primary">{t(`demands.statuses.${d.status}`, { defaultValue: d.status })}</Tag>}
            >
              {d.title}
            </List.Item>
          ))
        )}
        {data.openDemands.total > 0 && (
          <List.Item clickable onClick={() => navigate('/m/demands')}>
            {t('workbench.mobile.allDemands')}
          </List.Item>
        )}
      </List>
      {data.board && (
        <List header={t('workbench.mobile.board', { name: data.board.ref.communityName })} data-testid="mobile-home-board">
          {data.board.items.length === 0 ? (
            <List.Item>{t('workbench.mobile.boardEmpty')}</List.Item>
          ) : (
            data.board.items.map((e) => (
              <List.Item
                key={e.number}
                data-testid="mobile-board-item"
                description={`${e.place.join(' ')} · ${dayjs(e.resolvedAt).format('YYYY-MM-DD')}`}
              >
                {e.category} · {e.title}
              </List.Item>
            ))
          )}
        </List>
      )}
    </div>
  );
}
