// Derives the data-driven built-in scenarios from the team's price data (../shared/data/prices):
// close-to-close moves of stocks, sector SPDRs and funds over an event window, plus the index figures
// the named sources state. Run: node scripts/derive-event-scenarios.mjs  (writes resources/scenarios/).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = path.join(root, '..', 'shared', 'data', 'prices', 'spooky-labs-course-1');
const SHOCK_SOURCE = 'Spooky-Labs/Course-1 daily closes (split- and dividend-adjusted as of May 2025)';
// The dataset as a citation: publisher, dataset, date, public link (never a path on this machine).
const DATASET = {
  title: 'Daily closes: Spooky-Labs, “Course-1” market data (split- and dividend-adjusted), retrieved 5 May 2025',
  url: 'https://github.com/Spooky-Labs/Course-1',
  note: 'Per-security and sector moves are the close-to-close changes of these daily closes over the event window.',
};
if (!fs.existsSync(dataDir)) {
  console.error(`derive-event-scenarios: ${dataDir} is missing; the scenario files in resources/scenarios are kept as they are.`);
  process.exit(1);
}

const SECTOR_FUNDS = {
  XLK: 'Information Technology',
  XLF: 'Financials',
  XLE: 'Energy',
  XLV: 'Health Care',
  XLY: 'Consumer Discretionary',
  XLP: 'Consumer Staples',
  XLI: 'Industrials',
  XLB: 'Materials',
  XLU: 'Utilities',
  XLRE: 'Real Estate',
  XLC: 'Communication Services',
};
const STOCKS_AND_FUNDS = [
  'NVDA',
  'AVGO',
  'TSM',
  'ASML',
  'AMD',
  'MU',
  'MRVL',
  'ARM',
  'SMCI',
  'VST',
  'CEG',
  'TLN',
  'GEV',
  'MSFT',
  'GOOGL',
  'META',
  'AMZN',
  'AAPL',
  'ORCL',
  'SPY',
  'VOO',
  'IVV',
  'QQQ',
  'VGT',
  'SMH',
  'SOXX',
  'ARKK',
  'TLT',
  'GLD',
];

function closes(ticker) {
  const rows = fs
    .readFileSync(path.join(dataDir, `${ticker}.csv`), 'utf8')
    .trim()
    .split('\n')
    .slice(1);
  return new Map(
    rows.map((r) => {
      const c = r.split(',');
      return [c[0].slice(0, 10), Number(c[4])];
    }),
  );
}
function move(ticker, from, to) {
  const series = closes(ticker);
  if (!series.has(from) || !series.has(to)) return null;
  return Math.round((series.get(to) / series.get(from) - 1) * 10000) / 10000;
}
// A true minus sign (U+2212), as the app prints every negative figure.
const pct = (x) => `${(x * 100).toFixed(2).replace('-', '\u2212')}%`;

function build({ id, name, description, from, to, date, market, industries, tags, sources }) {
  const shocks = [];
  for (const s of [...STOCKS_AND_FUNDS, ...Object.keys(SECTOR_FUNDS)]) {
    const m = move(s, from, to);
    if (m !== null) shocks.push({ target: 'symbol', value: s, change: m, note: `${s} close ${from} → ${to}: ${pct(m)} (${SHOCK_SOURCE})` });
  }
  for (const [industry, change, note] of industries) shocks.push({ target: 'industry', value: industry, change, note });
  for (const [fund, sector] of Object.entries(SECTOR_FUNDS)) {
    const m = move(fund, from, to);
    if (m !== null)
      shocks.push({
        target: 'sector',
        value: sector,
        change: m,
        note: `${fund} (${sector} Select Sector SPDR) close ${from} → ${to}: ${pct(m)}`,
      });
  }
  shocks.push({ target: 'market', change: market[0], note: market[1] });
  return {
    format: 'aftershock-scenario',
    version: 1,
    id,
    name,
    description,
    kind: 'hypothetical',
    tags,
    shocks,
    event: {
      date,
      window: { from, to },
      basis: { timing: 'close-to-close', returns: 'price' },
      referenceIndex: 'S&P 500',
      sources: [...sources, DATASET],
    },
  };
}

const soxDeepSeek = 'SOX (PHLX Semiconductor index) −9.2% on 27 Jan 2025 (Reuters; CNBC)';
const deepseek = build({
  id: 'deepseek-monday-close',
  name: 'DeepSeek Monday (close, 27 Jan 2025)',
  description:
    'The actual close-to-close moves of 27 January 2025, when DeepSeek’s low-cost model put the AI capex thesis in doubt: per security where our price data has it, sector moves from the Select Sector SPDRs, semiconductors at the SOX move, and the S&P 500’s −1.46% for everything else.',
  from: '2025-01-24',
  to: '2025-01-27',
  date: '2025-01-27',
  market: [-0.0146, 'S&P 500 −1.46% to 6,012.28 on 27 Jan 2025 (Reuters; CNBC)'],
  industries: [
    ['Semiconductors', -0.092, soxDeepSeek],
    ['Semiconductor Materials & Equipment', -0.092, soxDeepSeek],
  ],
  tags: ['ai', 'semiconductors', 'named-event', '2025'],
  sources: [
    {
      title: 'Reuters and CNBC market reports, 27 Jan 2025',
      note: 'S&P 500 −1.46%, Nasdaq Composite −3.07%, SOX −9.2%, NVDA −17%, AVGO −17.4%, Vistra about −28 to −30%',
    },
  ],
});

const tariff = build({
  id: 'tariff-shock-april-2025',
  name: 'April 2025 tariff shock (2 → 4 Apr 2025)',
  description:
    'The two sessions after the 2 April 2025 “Liberation Day” tariff announcement, close 2 Apr → close 4 Apr: per security, sector SPDRs, semiconductors at SOXX, and the S&P 500 through SPY for everything else. (The low close came on 8 Apr, beyond our price data.)',
  from: '2025-04-02',
  to: '2025-04-04',
  date: '2025-04-04',
  market: [
    move('SPY', '2025-04-02', '2025-04-04'),
    `S&P 500 via SPY close 2 → 4 Apr 2025: ${pct(move('SPY', '2025-04-02', '2025-04-04'))}; sources state S&P −4.8% on 3 Apr and ≈ −6% on 4 Apr`,
  ],
  industries: [
    ['Semiconductors', move('SOXX', '2025-04-02', '2025-04-04'), 'SOXX close 2 → 4 Apr 2025 as the semiconductor proxy'],
    [
      'Semiconductor Materials & Equipment',
      move('SOXX', '2025-04-02', '2025-04-04'),
      'SOXX close 2 → 4 Apr 2025 as the semiconductor proxy',
    ],
  ],
  tags: ['tariffs', 'named-event', '2025'],
  sources: [
    {
      title: 'Associated Press and Benzinga market reports, 3–4 Apr 2025',
      note: '3 Apr: S&P −4.8% (5,396.52), Nasdaq −5.97%; 4 Apr: S&P ≈ −6% (5,074.08); week to 4 Apr: S&P −9.05%',
    },
  ],
});

for (const scenario of [deepseek, tariff]) {
  const file = path.join(root, 'resources', 'scenarios', `${scenario.id}.json`);
  fs.writeFileSync(file, `${JSON.stringify(scenario, null, 2)}\n`);
  console.log(`wrote ${path.relative(root, file)} (${scenario.shocks.length} shocks)`);
}
