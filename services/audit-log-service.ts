/** Reading the audit log (content loads, erasures) for admins, newest first, page by page. */
import { DataSource, LessThan } from 'typeorm';
import { AuditLog } from '../entities';

export class AuditLogService {
  constructor(private readonly dataSource: DataSource) {}

  /** Up to `limit` entries older than `beforeId` (the previous page's last id). */
  list(options: { limit: number; beforeId?: number }): Promise<AuditLog[]> {
    return this.dataSource.manager.find(AuditLog, {
      where: options.beforeId !== undefined ? { id: LessThan(options.beforeId) } : {},
      order: { id: 'DESC' },
      take: options.limit,
    });
  }
}
