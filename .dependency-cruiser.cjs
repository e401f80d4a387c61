/**
 * Dependencies point one way (README, "Layout"). Each folder of src/ may import only the
 * folders listed beside it: the engine and the plumbing at the bottom, then the domains in
 * order, then workflows/, the application layer that owns the transactions crossing
 * domains, and the entry points on top. test/architecture.spec.ts runs this configuration
 * and also fails on any import cycle between folders.
 */
const PLUMBING = ['config', 'common', 'queue', 'database', 'metrics'];
/** Every domain: what the application layer and the entry points compose. */
const DOMAINS = ['audit', 'screening/engine', 'screening', 'accounts', 'forum', 'notifications', 'moderation', 'resources', 'checkins'];

/** folder -> the folders it may import (its own is always allowed). */
const MAY_IMPORT = {
  'screening/engine': [],
  // The learned second opinion: pure like the engine (its loader reads one file), beside it.
  'screening/model': ['screening/engine'],
  config: [],
  common: ['config'],
  queue: ['config', 'common'],
  database: ['config', 'common', 'queue'],
  // Every layer records through Metrics; its label types name the engine's vocabulary (pure).
  metrics: ['config', 'common', 'screening/engine'],
  audit: [...PLUMBING],
  accounts: [...PLUMBING, 'audit'],
  screening: [...PLUMBING, 'audit', 'screening/engine', 'accounts'],
  forum: [...PLUMBING, 'audit', 'screening/engine', 'screening', 'accounts'],
  notifications: [...PLUMBING, 'audit', 'screening/engine', 'screening', 'accounts', 'forum'],
  moderation: [...PLUMBING, 'audit', 'screening/engine', 'screening', 'accounts', 'forum', 'notifications'],
  // The resource library: public help text kept by admins; it adds the dosing pointer to screening's feedback.
  resources: [...PLUMBING, 'audit', 'screening/engine', 'screening'],
  // Daily check-ins (issue 10): their words are a private forum post; writing one crosses domains (workflows).
  checkins: [...PLUMBING, 'accounts', 'forum'],
  workflows: [...PLUMBING, ...DOMAINS],
  // Entry-point plumbing: composes the domains, and nothing below imports it.
  graphql: [...PLUMBING, ...DOMAINS, 'workflows'],
  http: [...PLUMBING],
  // Screening's queue counts and the on-call channels' delivery records.
  health: [...PLUMBING, 'screening', 'moderation'],
  cli: [...PLUMBING, ...DOMAINS, 'workflows'],
};

const escape = (folder) => folder.replace('/', '\\/');
const folderPath = (folder) => `^src/${escape(folder)}/`;

const layerRules = Object.entries(MAY_IMPORT).map(([folder, allowed]) => ({
  name: `layer:${folder}`,
  comment: `src/${folder} may import only ${allowed.length ? allowed.join(', ') : 'itself'} (README, "Layout").`,
  severity: 'error',
  from: {
    path: folderPath(folder),
    // A sub-folder with its own entry (the engine) is not part of its parent's layer.
    pathNot: Object.keys(MAY_IMPORT)
      .filter((other) => other.startsWith(`${folder}/`))
      .map(folderPath),
  },
  to: { path: '^src/', pathNot: [folder, ...allowed].map(folderPath) },
}));

module.exports = {
  forbidden: [
    ...layerRules,
    {
      name: 'no-entry-point-imports',
      comment: 'The entry points (main, worker, cli, bootstrap, app.module) compose the app; nothing imports them.',
      severity: 'error',
      from: { path: '^src/.+/' },
      to: { path: '^src/[^/]+\\.ts$' },
    },
    {
      name: 'unknown-folder',
      comment: 'A new folder under src/ must take its place in MAY_IMPORT.',
      severity: 'error',
      from: { path: '^src/[^/]+/', pathNot: Object.keys(MAY_IMPORT).map(folderPath) },
      to: {},
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['node_modules', '\\.spec\\.ts$', '\\.spec-helper\\.ts$'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
  },
};
