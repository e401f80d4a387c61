import { execFileSync } from 'node:child_process';
import * as path from 'node:path';

/**
 * The layering of README's "Layout", checked on the real import graph by dependency-cruiser
 * with .dependency-cruiser.cjs: a new import against the direction, or a new cycle between
 * folders, fails here with the offending files named.
 */
interface CruisedModule {
  source: string;
  dependencies: Array<{ resolved: string }>;
}
interface CruiseOutput {
  modules: CruisedModule[];
  summary: { violations: Array<{ from: string; to: string; rule: { name: string } }> };
}

const ROOT = path.join(__dirname, '..');

function cruise(): CruiseOutput {
  const bin = path.join(ROOT, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs');
  const json = execFileSync(process.execPath, [bin, 'src', '--config', '.dependency-cruiser.cjs', '--output-type', 'json'], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(json) as CruiseOutput;
}

/** The folder a module belongs to for layering: src/<folder>/…, the engine apart from the rest of screening. */
export function folderOf(source: string): string | null {
  const match = /^src\/([^/]+)\/(?:(engine)\/)?/.exec(source);
  if (!match) return null;
  return match[1] === 'screening' && match[2] ? 'screening/engine' : match[1];
}

/** Strongly connected groups of more than one folder (Tarjan): each is an import cycle between folders. */
export function folderCycles(edges: ReadonlyMap<string, ReadonlySet<string>>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  let next = 0;
  const visit = (node: string): void => {
    index.set(node, next);
    low.set(node, next);
    next += 1;
    stack.push(node);
    onStack.add(node);
    for (const target of edges.get(node) ?? []) {
      if (!index.has(target)) {
        visit(target);
        low.set(node, Math.min(low.get(node) as number, low.get(target) as number));
      } else if (onStack.has(target)) {
        low.set(node, Math.min(low.get(node) as number, index.get(target) as number));
      }
    }
    if (low.get(node) === index.get(node)) {
      const group: string[] = [];
      let member: string;
      do {
        member = stack.pop() as string;
        onStack.delete(member);
        group.push(member);
      } while (member !== node);
      if (group.length > 1) cycles.push(group.sort());
    }
  };
  for (const node of edges.keys()) if (!index.has(node)) visit(node);
  return cycles;
}

function folderEdges(modules: readonly CruisedModule[]): Map<string, Set<string>> {
  const edges = new Map<string, Set<string>>();
  for (const module of modules) {
    const from = folderOf(module.source);
    if (!from) continue;
    for (const dependency of module.dependencies) {
      const to = folderOf(dependency.resolved);
      if (!to || to === from) continue;
      if (!edges.has(from)) edges.set(from, new Set());
      edges.get(from)?.add(to);
    }
  }
  return edges;
}

describe('folder cycles (pure)', () => {
  it('finds a cycle through three folders and ignores a chain', () => {
    const edges = new Map([
      ['forum', new Set(['moderation'])],
      ['moderation', new Set(['accounts'])],
      ['accounts', new Set(['forum'])],
      ['workflows', new Set(['forum'])],
    ]);
    expect(folderCycles(edges)).toEqual([['accounts', 'forum', 'moderation']]);
    expect(
      folderCycles(
        new Map([
          ['workflows', new Set(['forum'])],
          ['forum', new Set(['common'])],
        ]),
      ),
    ).toEqual([]);
  });

  it('puts the engine apart from the rest of screening', () => {
    expect(folderOf('src/screening/engine/decide.ts')).toBe('screening/engine');
    expect(folderOf('src/screening/draft/draft-screening.service.ts')).toBe('screening');
    expect(folderOf('src/main.ts')).toBeNull();
  });
});

describe('the import graph of src/', () => {
  // One cruise of the whole tree (TypeScript-aware); seconds, more on a loaded machine.
  let output: CruiseOutput;
  beforeAll(() => {
    output = cruise();
  }, 180_000);

  it('follows the layers of README "Layout" (.dependency-cruiser.cjs)', () => {
    const violations = output.summary.violations.map((violation) => `${violation.rule.name}: ${violation.from} -> ${violation.to}`);
    expect(violations).toEqual([]);
  });

  it('has no import cycle between folders', () => {
    expect(output.modules.length).toBeGreaterThan(100);
    expect(folderCycles(folderEdges(output.modules))).toEqual([]);
  });
});
