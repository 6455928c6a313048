/** Every persona in test/fixtures/personas can be told to founder-guide with the shipped facts. */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { valueProblem } from '../../catalogue/check-references';
import { readCatalogue } from '../../catalogue/read-content';
import { PERSONAS_DIR as PERSONAS, readDepartures } from '../../scripts/support/personas';
import { itMatchesOriginal } from '../support/originals';
import { SHIPPED_CONTENT } from './support/content-dirs';

const { catalogue } = readCatalogue(SHIPPED_CONTENT);
const files = fs.readdirSync(PERSONAS).filter((file) => file.endsWith('.yaml'));

describe('the personas', () => {
  it('exist', () => expect(files.length).toBeGreaterThanOrEqual(3));

  itMatchesOriginal('personas', 'include every original persona, unchanged', (original) => {
    for (const file of fs.readdirSync(original).filter((name) => name.endsWith('.yaml'))) {
      expect({ file, text: fs.readFileSync(path.join(PERSONAS, file), 'utf8') }).toEqual({
        file,
        text: fs.readFileSync(path.join(original, file), 'utf8'),
      });
    }
  });

  it.each(files)('%s: every answer is a shipped fact and a valid value for it', (file) => {
    const persona = parse(fs.readFileSync(path.join(PERSONAS, file), 'utf8')) as {
      answers: Record<string, unknown>;
      expect?: Record<string, string>;
    };
    const problems = Object.entries(persona.answers).flatMap(([fact, value]) => {
      const definition = catalogue.facts[fact];
      if (!definition) return [`${fact}: no such fact`];
      const problem = valueProblem(definition, value);
      return problem ? [`${fact}: ${problem}`] : [];
    });
    expect(problems).toEqual([]);
    const ids = new Set(catalogue.policies.map((p) => p.id));
    expect(Object.keys(persona.expect ?? {}).filter((id) => !ids.has(id))).toEqual([]);
  });
});

describe('the departures from the original personas', () => {
  const departures = readDepartures();
  const personas = Object.fromEntries(
    files.map((file) => {
      const persona = parse(fs.readFileSync(path.join(PERSONAS, file), 'utf8')) as {
        name: string;
        expect?: Record<string, string>;
      };
      return [persona.name, persona];
    }),
  );

  it.each(Object.entries(departures))(
    '%s: each departs from an expectation of the persona, and says why',
    (name, own) => {
      const persona = personas[name];
      expect(persona).toBeDefined();
      for (const [policy, departure] of Object.entries(own)) {
        expect({ policy, original: persona!.expect?.[policy] }).toEqual({ policy, original: expect.any(String) });
        expect({ policy, same: departure.status === persona!.expect?.[policy] }).toEqual({ policy, same: false });
        expect(departure.why.length).toBeGreaterThan(20);
      }
    },
  );
});
