import type { DataSource } from 'typeorm';
import { parseLabeled } from '../screening/cli/evaluate';
import { corpusLine, exampleText, loadDecisionExamples } from './decision-examples.export';

describe('the decisions export', () => {
  it('labels an example with categories HOLD, with their most urgent priority', () => {
    expect(corpusLine({ postId: 'p1', text: 'words', categories: ['DRUG_SOURCING', 'SELF_HARM'], decision: 'REJECT' })).toEqual({
      id: 'p1',
      text: 'words',
      outcome: 'HOLD',
      categories: ['DRUG_SOURCING', 'SELF_HARM'],
      priority: 'URGENT',
    });
  });

  it('labels an example without categories PUBLISH', () => {
    expect(corpusLine({ postId: 'p2', text: 'words', categories: [], decision: 'APPROVE' })).toEqual({
      id: 'p2',
      text: 'words',
      outcome: 'PUBLISH',
      categories: [],
    });
  });

  it('writes lines that eval reads as a labeled corpus', () => {
    const lines = [
      corpusLine({ postId: 'p1', text: 'words', categories: ['SPAM'], decision: 'REMOVE' }),
      corpusLine({ postId: 'p2', text: 'more words', categories: [], decision: 'APPROVE' }),
    ];
    expect(parseLabeled(lines.map((line) => JSON.stringify(line)).join('\n'))).toEqual(lines);
  });

  it("gives a thread's title with its body, as screening read both, and a reply's body alone", () => {
    expect(exampleText('Day 12', 'Still here.')).toBe('Day 12\n\nStill here.');
    expect(exampleText(null, 'Still here.')).toBe('Still here.');
  });

  it('loads the examples through the repository, in the shape training takes', async () => {
    const queries: string[] = [];
    const dataSource = {
      query: async (sql: string) => {
        queries.push(sql);
        return [
          { post_id: 'p1', title: 'A title', body: 'A body', decision: 'REMOVE', categories: ['HARASSMENT'] },
          { post_id: 'p2', title: null, body: 'A reply', decision: 'APPROVE', categories: [] },
        ];
      },
    } as unknown as DataSource;
    const loaded: Array<{ text: string; categories: string[] }> = await loadDecisionExamples(dataSource);
    expect(loaded).toEqual([
      { postId: 'p1', text: 'A title\n\nA body', categories: ['HARASSMENT'], decision: 'REMOVE' },
      { postId: 'p2', text: 'A reply', categories: [], decision: 'APPROVE' },
    ]);
    // Only posts that still have the words the moderator read.
    expect(queries[0]).toContain('p.body_erased_at IS NULL AND p.withdrawn_at IS NULL AND p.revision = e.revision');
  });
});
