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
const SCENARIOS = ['ai-capex-collapse', 'deepseek-monday-close', 'covid-crash-2020'];

describe.runIf(canRun)('client reports', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aftershock-report-'));
  const db = path.join(dir, 'report.sqlite');
  const cli = (...args: string[]) =>
    execFileSync(process.execPath, [CLI, ...args, '--db', db], { encoding: 'utf8', env: { ...process.env, CHROME_PATH: chromePath } });
  const stress = (id: string) => JSON.parse(cli('stress', '--portfolio', 'Growth & AI', '--scenario', id, '--json'));
  const scenarioArgs = SCENARIOS.flatMap((id) => ['--scenario', id]);
  /** The sample portfolio's report under the three scenarios, for Alex Morgan of Northwind Advisors. */
  const sampleReport = (...args: string[]) =>
    cli('report', '--portfolio', 'Growth & AI', ...scenarioArgs, '--client-name', 'Alex Morgan', '--firm', 'Northwind Advisors', ...args);

  beforeAll(() => fs.mkdirSync(SHOTS, { recursive: true }));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('renders every section of the HTML report with the engine’s numbers', async () => {
    const file = path.join(dir, 'report.html');
    sampleReport('--out', file);
    const html = fs.readFileSync(file, 'utf8');
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+href=/);
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      await page.setContent(html, { waitUntil: 'load' });
      await page.waitForFunction(() => document.body.dataset.ready === 'true');
      const sections = await page.locator('section[aria-label]').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
      expect(sections).toEqual([
        'Summary',
        ...SCENARIOS.map((id) => `Scenario ${stress(id).scenarioName}`),
        'Methodology and important information',
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
        expect(coverage[i]).toContain(`, ${coverageSentence(stress(id))}.`);
        expect(Math.abs([...coverage[i].matchAll(/([\d.]+)%/g)].reduce((sum, m) => sum + Number(m[1]), 0) - 100)).toBeLessThan(0.2);
      });
      await page.screenshot({ path: path.join(SHOTS, 'report-html.png'), fullPage: false });
    } finally {
      await browser.close();
    }
  });

  it('prints the sample × 3 scenarios as a story of at most 6 pages, under the firm’s name, with nothing internal in it', () => {
    const file = path.join(dir, 'report.pdf');
    const out = sampleReport('--advisor', 'Sam Lee', '--locale', 'en-GB', '--page-size', 'a4', '--out', file);
    expect(out).toMatch(/^Wrote .*report\.pdf for Alex Morgan\./);
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
    expect(pages).toBeGreaterThanOrEqual(4);
    expect(pages).toBeLessThanOrEqual(6);
    expect(info).toMatch(/Page size:\s+595\.\d+ x 842\.\d+ pts \(A4\)/);
    expect(info).toMatch(/Tagged:\s+yes/);
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
    for (const banned of ['../', 'shared/', 'seed', 'EUR/ZAR', 'EUR/KRW', 'Top 0', '1 accounts', '2026-', 'fixture'])
      expect(text).not.toContain(banned);
    expect(text).toContain('Alex Morgan');
    for (const id of SCENARIOS) {
      const result = stress(id);
      expect(text).toContain(formatMoney(result.pnl, 'USD', 0));
    }
    // Page 1: worst case in money and %, then drivers, concentration (with the look-through overlap) and data quality.
    const [first, ...rest] = text.split('\f');
    const covid = stress('covid-crash-2020');
    expect(first.replace(/\s+/g, ' ')).toContain(`would lose ${formatMoney(-covid.pnl, 'USD', 0)} (${signedPercent(covid.return)})`);
    expect(first).toContain('What drives the losses');
    expect(first).toMatch(/NVDA is held directly/);
    expect(first).toMatch(/Data quality/);
    // The firm, not the tool, heads every page; the tool is named once per page in the footer's small line.
    for (const page of [first, ...rest].filter((p) => p.trim())) {
      expect(page).toContain('Northwind Advisors · Sam Lee');
      expect(page.match(/Aftershock/g) ?? []).toEqual(['Aftershock']);
      expect(page).toContain('Prepared with Aftershock');
    }
    // DeepSeek Monday lists the shocks that reach the book and counts the rest.
    expect(text).toMatch(/\+ \d+ shocks that reach none of these holdings\./);
    expect(text).toMatch(/\d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) \d{4}/);
    expect(text).toContain('Daily closes: Spooky-Labs');
    expect(text).toContain('Important information');
    execFileSync('pdftoppm', ['-r', '50', '-png', file, path.join(SHOTS, 'page')]);
  });

  it('prints 40 holdings × 4 scenarios in at most 7 pages, on Letter when asked', () => {
    const csv = path.join(dir, 'forty.csv');
    const symbols =
      'SPY QQQ VOO IVV VGT ARKK XLK XLF XLE XLV XLY XLP XLI XLB XLU XLRE XLC SMH SOXX TLT GLD NVDA AVGO TSM ASML AMD MU MRVL ARM SMCI VST CEG TLN GEV MSFT GOOGL META AMZN AAPL ORCL'.split(
        ' ',
      );
    fs.writeFileSync(csv, ['Symbol,Quantity,Price,Currency', ...symbols.map((s, i) => `${s},${10 + i * 3},${50 + i * 7},USD`)].join('\n'));
    cli('import', csv, '--portfolio', 'Forty', '--client', 'Casey Lee');
    const file = path.join(dir, 'forty.pdf');
    cli(
      'report',
      '--portfolio',
      'Forty',
      ...[...SCENARIOS, 'tariff-shock-april-2025'].flatMap((id) => ['--scenario', id]),
      '--page-size',
      'letter',
      '--out',
      file,
    );
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
    expect(pages).toBeLessThanOrEqual(7);
    expect(info).toMatch(/Page size:\s+612 x 792 pts \(letter\)/);
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
    expect(text).toContain('40 positions across 1 account ');
    for (const banned of ['../', 'shared/', 'seed', 'EUR/', 'Top 0', '1 accounts']) expect(text).not.toContain(banned);
    expect(text).toContain('No exchange rate: every holding is in USD.');
    execFileSync('pdftoppm', ['-r', '50', '-png', file, path.join(SHOTS, 'forty')]);
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
    execFileSync(
      process.execPath,
      [CLI, 'report', '--portfolio', 'Big', '--scenario', 'sp500-minus-20', '--appendix', '--out', file, '--db', bigDb],
      { env: { ...process.env, CHROME_PATH: chromePath } },
    );
    const layout = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    const pages = layout.split('\f');
    expect(pages.length).toBeGreaterThan(8);
    // In the appendix's positions each row is one line: symbol, account, value, shock and change together on one page.
    const start = layout.indexOf('Appendix: S&P 500');
    const end = layout.indexOf('How these figures were made');
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
