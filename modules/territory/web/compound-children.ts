import { api } from '@linli/web-kit/client';
import type { Page, TerritoryNode } from '@linli/web-kit/types';

/** The children of a node (buildings of a compound, entrances of a building, households of an entrance), by name. */
export async function children(parentId: string, signal?: AbortSignal): Promise<TerritoryNode[]> {
  const page = await api.get<Page<TerritoryNode>>(
    '/territory/nodes',
    { parentId, limit: 500, sort: 'name', withCounts: false },
    { signal },
  );
  return page.items;
}
