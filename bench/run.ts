/**
 * `npm run bench [section ...]`: every benchmark, or the named sections, figures only (no
 * assertions). Run from the project root. Sections that report figures print a table and
 * add them to BENCH_JSON (default bench-results.json) as JSON.
 */
import * as fs from 'node:fs';
import { benchDraftHealth } from './draft-health.bench';
import { benchLiveQueue } from './live-queue.bench';
import { benchPublish } from './publish.bench';
import { benchReads } from './reads.bench';
import { BenchSection, formatSection, ratio } from './report';
import { benchScale } from './scale.bench';
import { benchRulesAndModel, benchScreening } from './screening.bench';

/** A section that reports figures returns them; older ones print their own lines and return nothing. */
type Section = () => Promise<BenchSection | undefined> | BenchSection | undefined;

/** In the order they run; the name is what `npm run bench -- NAME` selects. */
const SECTIONS: Array<{ name: string; title: string; run: Section }> = [
  { name: 'screening', title: 'screening engine', run: () => (benchScreening(), undefined) },
  { name: 'screening-per-post', title: 'screening: rules and model, per post', run: () => (benchRulesAndModel(), undefined) },
  { name: 'live-queue', title: 'live moderation queue', run: async () => (await benchLiveQueue(), undefined) },
  { name: 'reads', title: 'reads under load, beside node:http', run: () => benchReads() },
  { name: 'draft-health', title: 'API latency while drafts are screened', run: async () => (await benchDraftHealth(), undefined) },
  { name: 'publish', title: 'submit → PUBLISHED: latency under load, pipeline throughput', run: () => benchPublish() },
  { name: 'scale', title: 'reads at a million posts beside a nearly empty forum', run: () => benchScale() },
];

async function main(): Promise<void> {
  const wanted = process.argv.slice(2);
  const unknown = wanted.filter((name) => !SECTIONS.some((section) => section.name === name));
  if (unknown.length > 0) {
    throw new Error(`unknown bench section(s): ${unknown.join(', ')}; known: ${SECTIONS.map((s) => s.name).join(', ')}`);
  }
  const chosen = wanted.length > 0 ? SECTIONS.filter((section) => wanted.includes(section.name)) : SECTIONS;
  const results: BenchSection[] = [];
  for (const section of chosen) {
    console.log(`\n== ${section.title} ==`);
    const result = await section.run();
    if (result) {
      console.log(formatSection(result));
      results.push(result);
    }
  }
  if (results.length > 0) {
    const file = process.env.BENCH_JSON || 'bench-results.json';
    // Each figure beside its baseline carries the ratio the table shows (value / baseline).
    const sections = results.map((section) => ({
      ...section,
      figures: section.figures.map((figure) => ({ ...figure, ratio: ratio(figure) })),
    }));
    fs.writeFileSync(file, `${JSON.stringify({ ranAt: new Date().toISOString(), sections }, null, 2)}\n`);
    console.log(`\nfigures as JSON: ${file}`);
  }
}

main().then(
  () => process.exit(0),
  (error: Error) => {
    console.error(error);
    process.exit(1);
  },
);
