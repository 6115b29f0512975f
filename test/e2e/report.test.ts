import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from '../../electron/db/accounts';
import { createClient } from '../../electron/db/clients';
import { createPortfolio } from '../../electron/db/portfolios';
import { closeServices, createServices } from '../../electron/services/services';
import { signedPercent } from '../../shared/format';
import { formatMoney } from '../../shared/format';
import { coverageSentence } from '../../shared/report/coverage';
import { chromePath, isBuilt, launchBrowser, ROOT } from '../helpers/browser';

const hasPoppler = spawnSync('pdftotext', ['-v']).status === 0;
const canRun = (!!chromePath && isBuilt && hasPoppler) || process.env.CI === 'true';
const CLI = path.join(ROOT, 'out', 'cli', 'aftershock.js');
const SHOTS = path.join(ROOT, 'test-results', 'report');
const SCENARIOS = ['ai-capex-collapse', 'deepseek-monday-close', 'sp500-minus-20'];

describe.runIf(canRun)('client reports', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aftershock-report-'));
  const db = path.join(dir, 'report.sqlite');
  const cli = (...args: string[]) =>
    execFileSync(process.execPath, [CLI, ...args, '--db', db], { encoding: 'utf8', env: { ...process.env, CHROME_PATH: chromePath } });
  const stress = (id: string) => JSON.parse(cli('stress', '--portfolio', 'Growth & AI', '--scenario', id, '--json'));
  const scenarioArgs = SCENARIOS.flatMap((id) => ['--scenario', id]);

  beforeAll(() => fs.mkdirSync(SHOTS, { recursive: true }));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('renders every section of the HTML report with the engine’s numbers', async () => {
    const file = path.join(dir, 'report.html');
    cli(
      'report',
      '--portfolio',
      'Growth & AI',
      ...scenarioArgs,
      '--client-name',
      'Alex Morgan',
      '--firm',
      'Northwind Advisors',
      '--out',
      file,
    );
    const html = fs.readFileSync(file, 'utf8');
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+href=/);
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      await page.setContent(html, { waitUntil: 'load' });
      await page.waitForFunction(() => document.body.dataset.ready === 'true');
      const sections = await page.locator('section[aria-label]').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
      expect(sections).toEqual([
        'Cover',
        'Summary',
        ...SCENARIOS.map((id) => `Scenario ${stress(id).scenarioName}`),
        'Holdings and exposures',
        'Methodology',
        'Disclaimer',
      ]);
      const text = await page.locator('article.report').innerText();
      for (const id of SCENARIOS) {
        const result = stress(id);
        expect(text).toContain(`${formatMoney(result.pnl, 'USD', 0)} (${signedPercent(result.return)})`);
      }
      expect(text).toContain('Alex Morgan');
      // Each scenario's coverage is the engine's partition in one sentence, its parts adding up to 100%.
      const coverage = await page.getByTestId('report-coverage').allInnerTexts();
      expect(coverage).toHaveLength(SCENARIOS.length);
      SCENARIOS.forEach((id, i) => {
        expect(coverage[i]).toContain(`each dollar counted once: ${coverageSentence(stress(id))}.`);
        expect(Math.abs([...coverage[i].matchAll(/([\d.]+)%/g)].reduce((sum, m) => sum + Number(m[1]), 0) - 100)).toBeLessThan(0.2);
      });
      await page.screenshot({ path: path.join(SHOTS, 'report-html.png'), fullPage: false });
    } finally {
      await browser.close();
    }
  });

  it('prints a PDF through Chromium from the CLI', () => {
    const file = path.join(dir, 'report.pdf');
    const out = cli('report', '--portfolio', 'Growth & AI', ...scenarioArgs, '--client-name', 'Alex Morgan', '--out', file);
    expect(out).toMatch(/^Wrote .*report\.pdf for Alex Morgan\./);
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);
    expect(pages).toBeGreaterThanOrEqual(6);
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
    expect(text).toContain('Alex Morgan');
    for (const id of SCENARIOS) {
      const result = stress(id);
      expect(text).toContain(result.scenarioName);
      expect(text).toContain(formatMoney(result.pnl, 'USD', 0));
    }
    expect(text).toContain('Important information');
    expect(text).toMatch(/Page 1 of \d+/);
    execFileSync('pdftoppm', ['-r', '50', '-png', '-f', '1', '-l', '4', file, path.join(SHOTS, 'page')]);
  });

  it('paginates a 300-position portfolio without splitting a table row', () => {
    const bigDb = path.join(dir, 'big.sqlite');
    const services = createServices({
      dbPath: bigDb,
      shell: 'test',
      version: 't',
      resourcesDir: path.join(ROOT, 'resources'),
      seedSample: false,
    });
    services.db.transaction(() => {
      const client = createClient(services.db, { name: 'Lee household' });
      const portfolio = createPortfolio(services.db, { clientId: client.id, name: 'Big', baseCurrency: 'USD' });
      const accounts = [1, 2, 3].map((n) => createAccount(services.db, { portfolioId: portfolio.id, name: `Account ${n}` }).id);
      const insert = services.db.prepare('INSERT INTO positions (account_id, symbol, quantity, price, currency) VALUES (?, ?, ?, ?, ?)');
      for (let i = 1; i <= 300; i++) insert.run(accounts[i % 3], `ZQ${String(i).padStart(3, '0')}`, i, 10 + i, 'USD');
    })();
    closeServices(services);
    const file = path.join(dir, 'big.pdf');
    execFileSync(process.execPath, [CLI, 'report', '--portfolio', 'Big', '--scenario', 'sp500-minus-20', '--out', file, '--db', bigDb], {
      env: { ...process.env, CHROME_PATH: chromePath },
    });
    const layout = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    const pages = layout.split('\f');
    expect(pages.length).toBeGreaterThan(8);
    // In "All positions" each row is one line: symbol, account, value, shock and change together on one page.
    const start = layout.indexOf('All positions');
    const end = layout.indexOf('Appendix: holdings and exposures');
    const rows = layout
      .slice(start, end)
      .split('\n')
      .filter((line) => /^\s*ZQ\d{3}\s/.test(line));
    expect(rows).toHaveLength(300);
    for (const line of rows) {
      const n = Number(/ZQ(\d{3})/.exec(line)![1]);
      expect(line, line).toContain(formatMoney(n * (10 + n), 'USD', 0));
      expect(line).toMatch(/−20%/);
    }
  });
});

if (!canRun) {
  describe('client reports', () => {
    it.skip(`needs Chromium (${chromePath ?? 'none; set CHROME_PATH'}), poppler-utils (pdftotext: ${hasPoppler}) and a build`, () => {});
  });
}
