import { coveredOffsets, spendingOrder, uncoveredOffsets, worthACredit } from '../../services/credit-budget';

describe('where one-time subscription credits go (issue 21)', () => {
  it('spends on the last reminder that leaves a week to apply, then the last-minute one, then the earliest', () => {
    expect(spendingOrder([30, 7, 1])).toEqual([7, 1, 30]);
    expect(spendingOrder([14, 3, 1])).toEqual([14, 3, 1]);
    expect(spendingOrder([60, 30, 10])).toEqual([10, 30, 60]);
    expect(spendingOrder([3, 1])).toEqual([3, 1]);
  });

  it('with one credit reminds at T-7 only', () => {
    expect(worthACredit([30, 7, 1], 30, 1)).toBe(false);
    expect(worthACredit([30, 7, 1], 7, 1)).toBe(true);
    // At T-1 the credit was spent on T-7.
    expect(worthACredit([30, 7, 1], 1, 0)).toBe(false);
  });

  it('with two credits at T-7 and T-1, with three at every offset', () => {
    expect(coveredOffsets([30, 7, 1], 30, 2).sort((a, b) => a - b)).toEqual([1, 7]);
    expect(worthACredit([30, 7, 1], 30, 2)).toBe(false);
    expect(worthACredit([30, 7, 1], 30, 3)).toBe(true);
  });

  it('a credit left after T-7 goes to T-1', () => {
    expect(worthACredit([30, 7, 1], 1, 1)).toBe(true);
  });

  it('says which reminders still need a tap', () => {
    expect(uncoveredOffsets([30, 7, 1], 30, 1)).toEqual([1, 30]);
    expect(uncoveredOffsets([30, 7, 1], 7, 0)).toEqual([7, 1]);
    expect(uncoveredOffsets([30, 7, 1], 30, 3)).toEqual([]);
  });
});
