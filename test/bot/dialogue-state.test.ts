import { initialState, restoreState, serializeState, STATE_VERSION } from '../../bot/dialogue/state';

describe('stored dialogue state', () => {
  const assessing = {
    mode: 'assessing',
    script: 'tw',
    assessment: { id: 'a-1', topic: null, current: 'district', announced: [] },
  } as const;

  it('reads back what it wrote', () => {
    const state = JSON.parse(JSON.stringify(assessing));
    expect(restoreState(STATE_VERSION, serializeState(state))).toEqual({ state, reset: false });
  });

  it('migrates an older version step by step', () => {
    // A made-up earlier shape: version 1 kept the script under another name.
    const migrations = { 1: ({ lang, ...rest }: Record<string, unknown>) => ({ ...rest, script: lang }) };
    const old = JSON.stringify({ ...assessing, script: undefined, lang: 'hk' });
    expect(restoreState(1, old, migrations, 2)).toEqual({ state: { ...assessing, script: 'hk' }, reset: false });
  });

  it('starts over when no migration leads from the stored version', () => {
    expect(restoreState(0, serializeState(initialState()))).toEqual({ state: initialState(), reset: true });
  });

  it('starts over on a newer version, broken JSON or a shape it does not know', () => {
    expect(restoreState(STATE_VERSION + 1, serializeState(initialState())).reset).toBe(true);
    expect(restoreState(STATE_VERSION, '{not json').reset).toBe(true);
    expect(restoreState(STATE_VERSION, JSON.stringify({ mode: 'dancing', script: 'cn', assessment: null })).reset).toBe(
      true,
    );
    expect(
      restoreState(STATE_VERSION, JSON.stringify({ ...assessing, assessment: { id: 7, current: 'x' } })).reset,
    ).toBe(true);
  });
});
