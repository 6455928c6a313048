import { z } from 'zod';

export const reloadRequest = z.strictObject({
  dry_run: z.boolean().default(false).meta({ description: 'true: only report what would change' }),
});

const ids = z.object({ added: z.array(z.string()), changed: z.array(z.string()), removed: z.array(z.string()) });
const counts = z.object({ added: z.number().int(), changed: z.number().int(), removed: z.number().int() });

export const reloadResponse = z.object({
  status: z.enum(['loaded', 'unchanged', 'dry_run']),
  hash: z.string(),
  release_id: z.number().int().nullable(),
  diff: z.object({
    summary: z.record(z.string(), counts),
    ids: z.record(z.string(), ids),
  }),
});

export const releasesQuery = z.object({ limit: z.coerce.number().int().min(1).max(100).default(20) });

export const releasesResponse = z.object({
  current: z.number().int().nullable(),
  releases: z.array(
    z.object({
      id: z.number().int(),
      hash: z.string(),
      summary: z.record(z.string(), counts),
      loaded_by: z.string(),
      created_at: z.string(),
    }),
  ),
});

export const auditQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  before_id: z.coerce.number().int().min(1).optional().meta({ description: 'the last id of the previous page' }),
});

export const auditResponse = z.object({
  entries: z.array(
    z.object({
      id: z.number().int(),
      actor: z.string(),
      action: z.string(),
      detail: z.record(z.string(), z.unknown()),
      created_at: z.string(),
    }),
  ),
});
