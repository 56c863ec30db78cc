import { NotificationOutlined } from '@ant-design/icons';
import { useCurrentUser } from '@linli/web-kit/current-user';
import type { Grant } from '@linli/web-kit/types';
import { Button, List } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { idOfLabel } from '../api.ts';

/** The community of a household grant: the third label of its ltree path (county, subdistrict, community, …). */
export function communityOf(grant: Grant): string | null {
  const labels = (grant.path ?? '').split('.').filter(Boolean);
  return labels.length >= 3 ? idOfLabel(labels[2]!) : null;
}

/** On the resident home page: the community's public notice board and the button that reports a demand. */
export default function DemandHomeEntries() {
  const { t } = useTranslation();
  const { me } = useCurrentUser();
  const navigate = useNavigate();
  const homes = (me?.grants ?? []).filter((g) => g.role === 'resident' || g.nodeKind === 'household');
  const community = homes.map(communityOf).find((id): id is string => id !== null);
  return (
    <>
      {community && me && (
        <List>
          <List.Item
            prefix={<NotificationOutlined />}
            onClick={() => navigate(`/board/${me.user.tenantId}/${community}`)}
            data-testid="mobile-board"
          >
            {t('demandStats.board.mobileEntry')}
          </List.Item>
        </List>
      )}
      {homes.length > 0 && (
        <div style={{ padding: 16 }}>
          <Button block color="primary" size="large" onClick={() => navigate('/m/demands/new')} data-testid="mobile-report">
            {t('demands.mobile.submitEntry')}
          </Button>
        </div>
      )}
    </>
  );
}
