import { api } from '@linli/web-kit/client';

// Client of /open311-clients (schemas: modules/demands/src/open311/admin.contract.ts on the server).

export interface Open311Client {
  id: string;
  name: string;
  jurisdictionId: string;
  active: boolean;
  createdAt: string;
  lastRequestAt: string | null;
}

/** The answer of create and rotate-key: the only time the api key is shown. */
export type Open311ClientWithKey = Open311Client & { apiKey: string };

export const open311ClientsApi = {
  list: () => api.get<{ items: Open311Client[] }>('/open311-clients').then((r) => r.items),
  create: (body: { name: string; jurisdictionId?: string }) => api.post<Open311ClientWithKey>('/open311-clients', body),
  rotateKey: (id: string) => api.post<Open311ClientWithKey>(`/open311-clients/${id}/rotate-key`),
  setActive: (id: string, active: boolean) => api.patch<Open311Client>(`/open311-clients/${id}`, { active }),
};
