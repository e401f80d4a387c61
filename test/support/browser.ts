import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

/**
 * A real browser for the web client's end-to-end tests: Debian's chromium (or the one
 * CHROMIUM_PATH names) driven by playwright-core. Like Redis for the Redis-backed suite, a
 * missing browser skips the browser specs with a printed reason, except under CI (CI=true),
 * where it fails them: a pipeline must not pass by skipping its browser tests.
 */

/** Where screenshots land (ignored by git): one PNG per page worth looking at. */
export const SCREENSHOT_DIR = path.resolve(__dirname, '..', 'screenshots');

const DEFAULT_PATHS = ['/usr/bin/chromium'];
const PATH_NAMES = ['chromium', 'chromium-browser'];

function executable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** CHROMIUM_PATH when set (it must exist), else /usr/bin/chromium, else chromium on PATH; null when none. */
export function chromiumPath(): string | null {
  const configured = process.env.CHROMIUM_PATH;
  if (configured) return executable(configured) ? configured : null;
  const onPath = (process.env.PATH ?? '')
    .split(path.delimiter)
    .filter(Boolean)
    .flatMap((dir) => PATH_NAMES.map((name) => path.join(dir, name)));
  return [...DEFAULT_PATHS, ...onPath].find(executable) ?? null;
}

/** Why the browser specs cannot run here, or null when they can. */
export function browserSkipReason(): string | null {
  if (chromiumPath()) return null;
  return process.env.CHROMIUM_PATH
    ? `CHROMIUM_PATH=${process.env.CHROMIUM_PATH} is not an executable file`
    : 'no chromium at /usr/bin/chromium or on PATH (set CHROMIUM_PATH)';
}

/**
 * Whether the browser specs can run here. Under CI=true a missing browser throws, failing the
 * suite, as global setup does for a missing Redis; elsewhere it prints why they are skipped.
 */
export function browserAvailable(): boolean {
  const reason = browserSkipReason();
  if (!reason) return true;
  if (process.env.CI === 'true') throw new Error(`CI=true requires a browser for the web client's tests: ${reason}`);
  console.warn(`Skipping the browser tests: ${reason}`);
  return false;
}

export async function launchBrowser(): Promise<Browser> {
  const executablePath = chromiumPath();
  if (!executablePath) throw new Error(`no browser: ${browserSkipReason()}`);
  // --no-sandbox: the tests run as root in a container, where chromium's sandbox cannot start.
  return chromium.launch({ executablePath, args: ['--no-sandbox'] });
}

export async function closeBrowser(browser: Browser | undefined): Promise<void> {
  await browser?.close();
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: Array<{ target: unknown[]; failureSummary?: string }>;
}

/** The WCAG 2.2 AA rule tags the client is held to. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

let axeSource: string | null = null;

/**
 * Runs axe-core on the page as it is now and returns its violations. The page's CSP
 * (script-src 'self') refuses an injected <script>, so axe's source is evaluated through the
 * DevTools protocol instead, which the page's policy does not govern; the page itself keeps
 * its real policy, and so its real styles.
 */
export async function runAxe(page: Page): Promise<AxeViolation[]> {
  axeSource ??= fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  const loaded = await page.evaluate<boolean>(`typeof window.axe !== 'undefined'`);
  if (!loaded) await page.evaluate(`${axeSource}\n;undefined`);
  const result = await page.evaluate<{ violations: AxeViolation[]; passes: unknown[] }>(
    `window.axe.run(document, { runOnly: { type: 'tag', values: ${JSON.stringify(AXE_TAGS)} } })`,
  );
  // No rule passed either: axe looked at nothing (an empty page, or axe not really run).
  if (result.passes.length === 0 && result.violations.length === 0) throw new Error(`axe checked nothing on ${page.url()}`);
  return result.violations;
}

/** Violations in a form a failing assertion can print: rule, what to fix, and where. */
export function describeViolations(violations: AxeViolation[]): string {
  return violations
    .map(
      (violation) =>
        `${violation.id} (${violation.impact ?? 'n/a'}): ${violation.help}\n` +
        violation.nodes
          .map(
            (node) =>
              `    at ${JSON.stringify(node.target)}${node.failureSummary ? `\n      ${node.failureSummary.replace(/\n/g, '\n      ')}` : ''}`,
          )
          .join('\n'),
    )
    .join('\n');
}

/** A full-page PNG under test/screenshots/, named for what it shows. */
export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name.replace(/[^a-z0-9_-]+/gi, '-')}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** Where `npm run build` puts the web client. */
export const BUILT_WEB_CLIENT = path.resolve(__dirname, '..', '..', 'dist', 'web');

/** The built client's files its page loads (its script and style tags), relative to the client's folder. */
function pageAssets(indexHtml: string): string[] {
  return [...indexHtml.matchAll(/(?:src|href)="\/(assets\/[^"]+)"/g)].map((match) => match[1]);
}

/**
 * A private copy of the built client, for one test file's app (WEB_CLIENT_DIR): a rebuild that
 * runs meanwhile (vite empties dist/web first) cannot pull files from under the browser. Waits
 * up to timeoutMs for a complete build (index.html and every asset it names); throws if none comes.
 */
export async function copyBuiltWebClient(source = BUILT_WEB_CLIENT, timeoutMs = 60_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const index = path.join(source, 'index.html');
    if (fs.existsSync(index)) {
      const target = fs.mkdtempSync(path.join(os.tmpdir(), 'kindred-web-'));
      try {
        fs.cpSync(source, target, { recursive: true });
        const html = fs.readFileSync(path.join(target, 'index.html'), 'utf8');
        const assets = pageAssets(html);
        if (
          assets.length > 0 &&
          assets.every((asset) => fs.existsSync(path.join(target, asset))) &&
          fs.existsSync(path.join(target, 'sw.js'))
        )
          return target;
      } catch {
        // A build was writing meanwhile: try again.
      }
      fs.rmSync(target, { recursive: true, force: true });
    }
    if (Date.now() > deadline) {
      throw new Error(
        `${index} is missing or incomplete: run \`npm run build\` before the browser tests (the API serves the built client)`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}
