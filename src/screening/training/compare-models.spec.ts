import type { SystemFigures } from '../model/weights-file';
import { compareModels } from './compare-models';

const figures = (urgentRecall: number | null, falseHoldRate: number | null): SystemFigures => ({
  posts: 100,
  benign: 50,
  holds: 50,
  holdRecall: 0.8,
  falseHoldRate,
  urgentRecall,
  categoryRecall: {} as SystemFigures['categoryRecall'],
});

describe('a model trained with outside examples replaces the current one', () => {
  it('when it is at least as good on urgent recall and false holds', () => {
    expect(compareModels(figures(0.9, 0.03), figures(0.9, 0.03))).toEqual({ accept: true, problems: [] });
    expect(compareModels(figures(0.9, 0.03), figures(0.95, 0.02)).accept).toBe(true);
  });

  it('never when urgent recall falls, however much else improves', () => {
    expect(compareModels(figures(0.9, 0.03), figures(0.89, 0.0))).toEqual({
      accept: false,
      problems: ['urgent recall would fall from 90.0% to 89.0%'],
    });
  });

  it('never when the false-hold rate rises, and names every way it is worse', () => {
    expect(compareModels(figures(0.9, 0.03), figures(0.8, 0.04)).problems).toEqual([
      'urgent recall would fall from 90.0% to 80.0%',
      'false-hold rate would rise from 3.0% to 4.0%',
    ]);
  });

  it('reads a split without urgent or benign posts as perfect on that count', () => {
    expect(compareModels(figures(null, null), figures(null, null)).accept).toBe(true);
    expect(compareModels(figures(null, null), figures(0.5, 0.1)).problems).toHaveLength(2);
  });
});
