import type { QueryRunner } from 'typeorm';

/**
 * One credit for each template an active mini-program subscription already
 * holds: the acceptance that created it, which one-time subscriptions let the
 * service use once (issue 21). Without it every existing subscriber would
 * hear nothing until they tapped again. An acceptance already used costs one
 * 43101 at most, which empties the credit and refuses nothing.
 * Parsed here, not in SQL: the JSON functions differ between SQLite, MySQL 5.7 and TiDB.
 */
export async function seedSubscribeCredits(queryRunner: QueryRunner): Promise<void> {
  const rows = (await queryRunner.query(
    "SELECT `founderId`, `templateIds` FROM `subscription` WHERE `channel` = 'miniprogram' AND `status` = 'active'",
  )) as { founderId: string; templateIds: string | null }[];
  const pairs = new Set<string>();
  for (const row of rows) {
    let templates: unknown;
    try {
      templates = JSON.parse(row.templateIds ?? '[]');
    } catch {
      continue;
    }
    if (!Array.isArray(templates)) continue;
    for (const template of templates) {
      if (typeof template === 'string' && template.length > 0 && template.length <= 128) {
        pairs.add(JSON.stringify([row.founderId, template]));
      }
    }
  }
  for (const pair of pairs) {
    const [founderId, templateId] = JSON.parse(pair) as [string, string];
    await queryRunner.query('INSERT INTO `subscribe_credit` (`founderId`, `templateId`, `credits`) VALUES (?, ?, 1)', [
      founderId,
      templateId,
    ]);
  }
}
