import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * The project carries copies of the shared contract, dev corpus, policy and architecture so a
 * user's clone stands alone. Where the shared originals sit beside the checkout, the copies must match them.
 */
const SHARED = path.join(__dirname, '..', '..', 'shared');
const COPIES: Array<[copy: string, original: string]> = [
  ['fixtures/contract.graphql', 'api/contract.graphql'],
  ['fixtures/screening-dev.jsonl', 'corpus/screening-dev.jsonl'],
  ['../docs/policy.md', 'POLICY.md'],
  ['../docs/architecture.md', 'ARCHITECTURE.md'],
];

describe('copies of the shared files', () => {
  it.each(COPIES)('%s is present', (copy) => {
    expect(fs.existsSync(path.join(__dirname, copy))).toBe(true);
  });

  const sharedPresent = fs.existsSync(SHARED);
  (sharedPresent ? it.each(COPIES) : it.skip.each(COPIES))('%s matches ../shared/%s', (copy, original) => {
    expect(fs.readFileSync(path.join(__dirname, copy), 'utf8')).toBe(fs.readFileSync(path.join(SHARED, original), 'utf8'));
  });
});
