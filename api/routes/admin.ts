import path from 'node:path';
import type { Services } from '../../services';
import type { ApiRouter } from '../route';
import {
  auditQuery,
  auditResponse,
  releasesQuery,
  releasesResponse,
  reloadRequest,
  reloadResponse,
} from '../schemas/admin';

/** Admin: content reload (with a dry-run diff), releases, audit log. Bearer ADMIN_TOKEN. */
export function adminRoutes(api: ApiRouter, services: Services, contentDir: string): void {
  const errors = [401, 403, 503];
  api.route(
    {
      method: 'post',
      path: '/api/v1/admin/content/reload',
      tag: 'admin',
      summary: 'Reload content/ into the database (dry_run: just the diff)',
      description: 'Broken content answers 422 with every problem (file, path, reason) and changes nothing.',
      auth: 'admin',
      body: reloadRequest,
      response: reloadResponse,
      errors: [...errors, 422],
    },
    async (ctx, { body }) => {
      const result = await services.content.load(path.resolve(contentDir), { dryRun: body.dry_run, actor: 'admin' });
      ctx.body = { status: result.status, hash: result.hash, release_id: result.releaseId, diff: result.diff };
    },
  );
  api.route(
    {
      method: 'get',
      path: '/api/v1/admin/content/releases',
      tag: 'admin',
      summary: 'Content releases, newest first',
      auth: 'admin',
      query: releasesQuery,
      response: releasesResponse,
      errors,
    },
    async (ctx, { query }) => {
      const releases = await services.content.listReleases(query.limit);
      ctx.body = {
        current: services.catalogue.currentRelease()?.id ?? null,
        releases: releases.map((r) => ({
          id: r.id,
          hash: r.hash,
          summary: r.summary,
          loaded_by: r.loadedBy,
          created_at: r.createdAt.toISOString(),
        })),
      };
    },
  );
  api.route(
    {
      method: 'get',
      path: '/api/v1/admin/audit-log',
      tag: 'admin',
      summary: 'The audit log, newest first (page with before_id)',
      auth: 'admin',
      query: auditQuery,
      response: auditResponse,
      errors,
    },
    async (ctx, { query }) => {
      const entries = await services.audit.list({ limit: query.limit, beforeId: query.before_id });
      ctx.body = {
        entries: entries.map((e) => ({
          id: e.id,
          actor: e.actor,
          action: e.action,
          detail: e.detail,
          created_at: e.createdAt.toISOString(),
        })),
      };
    },
  );
}
