import { type Db, one, rows } from '@linli/db';
import { territorySql } from '@linli/territory';
import { sql } from 'drizzle-orm';
import type { Department } from './contract.ts';

/** The county departments of a tenant (table `department`, seeded with the default taxonomy when a tenant is created). */
export class DepartmentRepository {
  constructor(private readonly db: Db) {}

  list(tenantId: string): Promise<Department[]> {
    return rows<Department>(
      this.db,
      sql`SELECT id, code, name, active FROM department WHERE tenant_id = ${tenantId} ORDER BY sort_order, name`,
    );
  }

  /** A department with the county's path, the scope of a department as a handling unit. */
  find(tenantId: string, id: string): Promise<(Department & { countyPath: string }) | undefined> {
    return one(
      this.db,
      sql`SELECT d.id, d.code, d.name, d.active, n.path::text AS "countyPath" FROM department d
          JOIN ${territorySql.nodes('n')} ON n.tenant_id = d.tenant_id AND n.kind = 'county'
          WHERE d.tenant_id = ${tenantId} AND d.id = ${id}::uuid`,
    );
  }
}
