import type { Db } from '@linli/db';
import { createOpen311Client, setServiceAttributes } from '@linli/open311';

/** The demo county's Open311 client: a fixed, documented key, so the API can be tried at once. */
export const DEMO_OPEN311 = { apiKey: 'demo-open311-key', jurisdictionId: '370785', name: '演示 Open311 客户端' } as const;

/**
 * An Open311 client of 高密市 (api_key demo-open311-key, jurisdiction_id 370785) and a service
 * definition on 路灯照明 (street_light), so GET services/street_light shows attributes.
 */
export async function loadDemoOpen311(tx: Db, tenantId: string): Promise<void> {
  const system = { system: true as const, tenantId };
  await createOpen311Client(tx, system, DEMO_OPEN311);
  await setServiceAttributes(tx, system, 'street_light', [
    { code: 'POLE', datatype: 'string', required: false, description: '路灯杆编号（杆上的喷码）', order: 1 },
    {
      code: 'FAULT',
      datatype: 'singlevaluelist',
      required: true,
      description: '故障类型',
      order: 2,
      values: [
        { key: 'dark', name: '不亮' },
        { key: 'flicker', name: '闪烁' },
        { key: 'daytime', name: '白天常亮' },
        { key: 'damaged', name: '灯杆损坏' },
      ],
    },
  ]);
}
