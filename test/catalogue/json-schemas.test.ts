/** The JSON Schemas in content/schema are what `npm run content:schema` writes today. */
import fs from 'node:fs';
import path from 'node:path';
import { contentJsonSchemas } from '../../catalogue/json-schemas';
import { SHIPPED_CONTENT } from './support/content-dirs';

describe('content JSON Schemas for editors', () => {
  const generated = contentJsonSchemas();

  it('cover questions, policies, incubators and regions, with the recursive criteria', () => {
    expect(Object.keys(generated).sort()).toEqual([
      'incubators.json',
      'ladder.json',
      'policy.json',
      'questions.json',
      'region.json',
      'topics.json',
    ]);
    const policy = JSON.parse(generated['policy.json']!);
    expect(policy.additionalProperties).toBe(false);
    expect(Object.keys(policy.$defs ?? {}).length).toBeGreaterThan(0);
  });

  it.each(Object.keys(contentJsonSchemas()))('%s is up to date (run npm run content:schema)', (file) => {
    expect(fs.readFileSync(path.join(SHIPPED_CONTENT, 'schema', file), 'utf8')).toBe(generated[file]);
  });
});
