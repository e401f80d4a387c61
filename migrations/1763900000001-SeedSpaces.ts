import { MigrationInterface, QueryRunner } from 'typeorm';

const SPACES: Array<[slug: string, name: string, description: string]> = [
  ['introductions', 'Introductions', 'Say hello, share as much or as little as you like, and meet the community.'],
  ['sharing-my-story', 'Sharing my story', 'Your recovery story, in your own words: where you were, what happened, where you are now.'],
  ['milestones', 'Milestones & wins', 'Days, months, years, and the small wins in between. Every one counts.'],
  ['cravings-coping', 'Cravings & coping', 'Hard moments and what gets you through them. Ask for support, share what works.'],
  [
    'medication-for-oud',
    'Medication for OUD',
    'Methadone, buprenorphine, naltrexone and the people who take them: experience, questions, support.',
  ],
  ['family-and-friends', 'Family & friends', 'For the people who love someone who uses drugs or is in recovery.'],
  ['twelve-step', '12-step', 'NA, AA and other 12-step fellowships: meetings, sponsors, steps.'],
  ['secular-smart', 'Secular & SMART Recovery', 'SMART Recovery, secular and non-12-step paths to recovery.'],
  ['finding-support', 'Finding support', 'Treatment, peer support, harm reduction services and how to find them.'],
];

export class SeedSpaces1763900000001 implements MigrationInterface {
  name = 'SeedSpaces1763900000001';

  public async up(q: QueryRunner): Promise<void> {
    for (const [index, [slug, name, description]] of SPACES.entries()) {
      await q.query(`INSERT INTO space (slug, name, description, position) VALUES ($1, $2, $3, $4) ON CONFLICT (slug) DO NOTHING`, [
        slug,
        name,
        description,
        index,
      ]);
    }
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM space WHERE slug = ANY($1)`, [SPACES.map(([slug]) => slug)]);
  }
}
