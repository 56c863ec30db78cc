// Client of /open311-clients: its shapes are the types of modules/open311/src/admin.contract.ts.
import type { Open311ClientItem, Open311ClientWithKey } from '@linli/open311/admin.contract';
import { api } from '@linli/web-kit/client';

export type Open311Client = Open311ClientItem;
/** The answer of create and rotate-key: the only time the api key is shown. */
export type { Open311ClientWithKey };

export const open311ClientsApi = {
  list: () => api.get<{ items: Open311Client[] }>('/open311-clients').then((r) => r.items),
  create: (body: { name: string; jurisdictionId?: string }) => api.post<Open311ClientWithKey>('/open311-clients', body),
  rotateKey: (id: string) => api.post<Open311ClientWithKey>(`/open311-clients/${id}/rotate-key`),
  setActive: (id: string, active: boolean) => api.patch<Open311Client>(`/open311-clients/${id}`, { active }),
};
