import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { inTenantScope } from '@candor/tenant-isolation';
import { DataRequest } from './data-request.entity';

/** The `data_requests` table: each data-subject request, recorded once with its evidence. */
@Injectable()
export class DataRequestsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Records a request; one already recorded under the same id is left as it is (a replayed event). */
  async open(manager: EntityManager, request: DataRequest): Promise<void> {
    await manager.createQueryBuilder().insert().into(DataRequest).values(request).orIgnore().execute();
  }

  /** The tenant's requests, newest first, at most `limit`. */
  list(tenantId: string, status: DataRequest['status'] | undefined, limit: number): Promise<DataRequest[]> {
    return inTenantScope(this.dataSource, tenantId, (manager) =>
      manager.find(DataRequest, {
        where: { tenantId, ...(status ? { status } : {}) },
        order: { receivedAt: 'DESC' },
        take: limit,
      }),
    );
  }
}
