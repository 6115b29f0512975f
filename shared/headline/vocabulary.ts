import type { TargetKind } from '../engine/scenario';

/**
 * The curated words a wire story reports market moves with: direction verbs, index names, sector phrases and
 * company aliases. Kept as data so a reviewer can read (and extend) the grammar without reading the parser.
 */

/** Words that say a price went down, in the forms stories use. */
export const FALL_WORDS = [
  'fell', 'fall', 'falls', 'falling', 'slid', 'slide', 'slides', 'sliding', 'slumped', 'slump', 'slumps', 'slumping',
  'tumbled', 'tumble', 'tumbles', 'tumbling', 'plunged', 'plunge', 'plunges', 'plunging', 'dropped', 'drop', 'drops',
  'dropping', 'lost', 'lose', 'loses', 'losing', 'sank', 'sink', 'sinks', 'sinking', 'sunk', 'down', 'declined', 'decline',
  'declines', 'declining', 'shed', 'sheds', 'tanked', 'crashed', 'retreated', 'dipped', 'slipped', 'skidded', 'lower',
];

/** Words that say a price went up. */
export const RISE_WORDS = [
  'rose', 'rise', 'rises', 'rising', 'risen', 'climbed', 'climb', 'climbs', 'climbing', 'jumped', 'jump', 'jumps',
  'jumping', 'surged', 'surge', 'surges', 'surging', 'rallied', 'rally', 'rallies', 'rallying', 'gained', 'gain', 'gains',
  'gaining', 'up', 'added', 'add', 'adds', 'adding', 'soared', 'soars', 'advanced', 'advances', 'rebounded', 'spiked',
  'higher',
];

/** Words allowed between a direction verb and its size: "fell as much as 17%", "was down about 3.4 per cent". */
export const SIZE_LEAD_WORDS = ['as much as', 'as many as', 'up to', 'by as much as', 'by about', 'by nearly', 'by', 'about', 'around', 'roughly', 'nearly', 'almost', 'more than', 'over', 'some', 'another', 'a further', 'an additional', 'a', 'an'];

/** Wording that says when a move was measured; the first kind found wins. */
export const BASIS_WORDS: { basis: 'premarket' | 'intraday' | 'close'; pattern: RegExp }[] = [
  { basis: 'premarket', pattern: /\b(pre-?market|before the (?:opening )?bell|before the open(?:ing)?|ahead of the open(?:ing)?|in early (?:pre-?market )?trading)\b/i },
  { basis: 'intraday', pattern: /\b(intra-?day|as much as|at one (?:point|stage)|during the session|in early trade|at (?:its|their) (?:low|lows|worst)|midday|mid-session)\b/i },
  { basis: 'close', pattern: /\b(closed|at the close|ended(?: the (?:day|session))?|finished|settled)\b/i },
];

/** What an index or futures contract maps to: the market shock, or the fund that tracks it. */
export interface IndexEntry {
  /** Pattern for the index name itself (case-insensitive, word-bounded by the caller). */
  pattern: string;
  label: string;
  target: { target: TargetKind; value: string } | null;
  /** Other reasonable targets the user may pick instead. */
  alternatives: { target: TargetKind; value: string }[];
  /** Only a stand-in (another market's fund, or a broader index): the confidence is lowered and the note says so. */
  isStandIn?: boolean;
}

export const INDEX_ENTRIES: IndexEntry[] = [
  { pattern: 'S&P 500|S&P|Standard (?:&|and) Poor’?s 500|SPX', label: 'S&P 500', target: { target: 'market', value: '' }, alternatives: [{ target: 'symbol', value: 'SPY' }, { target: 'symbol', value: 'VOO' }] },
  { pattern: 'Nasdaq[- ]100|NDX', label: 'Nasdaq-100', target: { target: 'symbol', value: 'QQQ' }, alternatives: [{ target: 'sector', value: 'Information Technology' }] },
  { pattern: 'Nasdaq Composite|Nasdaq', label: 'Nasdaq Composite', target: { target: 'symbol', value: 'QQQ' }, alternatives: [{ target: 'sector', value: 'Information Technology' }], isStandIn: true },
  { pattern: 'Dow Jones Industrial Average|Dow Jones|the Dow|Dow', label: 'Dow Jones Industrial Average', target: { target: 'symbol', value: 'DIA' }, alternatives: [{ target: 'market', value: '' }] },
  { pattern: 'Russell 2000', label: 'Russell 2000', target: { target: 'symbol', value: 'IWM' }, alternatives: [] },
  { pattern: 'Philadelphia (?:SE |Stock Exchange )?Semiconductor (?:Index|index)|PHLX Semiconductor(?: Index)?|SOX index|SOX', label: 'PHLX Semiconductor Index', target: { target: 'industry', value: 'Semiconductors' }, alternatives: [{ target: 'symbol', value: 'SOXX' }, { target: 'theme', value: 'semiconductors' }] },
  { pattern: 'Hang Seng Tech(?:nology)? Index|Hang Seng Tech(?:nology)?', label: 'Hang Seng Tech Index', target: null, alternatives: [{ target: 'symbol', value: 'KWEB' }, { target: 'symbol', value: 'MCHI' }] },
  { pattern: 'Hang Seng(?: Index)?', label: 'Hang Seng Index', target: null, alternatives: [{ target: 'symbol', value: 'FXI' }, { target: 'symbol', value: 'MCHI' }] },
  { pattern: '(?:STOXX|Stoxx) (?:Europe )?600|(?:STOXX|Stoxx)', label: 'STOXX Europe 600', target: { target: 'symbol', value: 'VGK' }, alternatives: [] },
  { pattern: 'Euro (?:STOXX|Stoxx) 50', label: 'Euro STOXX 50', target: { target: 'symbol', value: 'VGK' }, alternatives: [], isStandIn: true },
  { pattern: 'DAX', label: 'DAX', target: { target: 'symbol', value: 'EWG' }, alternatives: [{ target: 'country', value: 'Germany' }], isStandIn: true },
  { pattern: 'FTSE 100|FTSE', label: 'FTSE 100', target: { target: 'symbol', value: 'EWU' }, alternatives: [{ target: 'country', value: 'United Kingdom' }], isStandIn: true },
  { pattern: 'Nikkei 225|Nikkei(?: average)?', label: 'Nikkei 225', target: { target: 'symbol', value: 'EWJ' }, alternatives: [{ target: 'country', value: 'Japan' }], isStandIn: true },
  { pattern: 'Topix', label: 'Topix', target: { target: 'symbol', value: 'EWJ' }, alternatives: [{ target: 'country', value: 'Japan' }], isStandIn: true },
  { pattern: 'Kospi', label: 'Kospi', target: { target: 'symbol', value: 'EWY' }, alternatives: [{ target: 'country', value: 'South Korea' }], isStandIn: true },
  { pattern: 'Taiex', label: 'Taiex', target: { target: 'symbol', value: 'EWT' }, alternatives: [{ target: 'country', value: 'Taiwan' }], isStandIn: true },
];

/** What may follow an index name and still be part of the subject: "futures", "technology sub-index", "Index". */
export const INDEX_TAIL = String.raw`(?:\s+(?:e-mini\s+)?futures|\s+(?:[A-Za-z]+\s+){0,2}(?:sub-index|subindex|sector index|index|Index|gauge|benchmark)|\s+contracts)?`;

/** Sector, industry and theme phrases; longest first when matched. Values must exist in the master to be used. */
export const PHRASES: { phrases: string[]; target: TargetKind; value: string }[] = [
  { phrases: ['chip equipment makers', 'chip-equipment makers', 'chip equipment stocks', 'chipmaking equipment makers', 'chip toolmakers', 'chip tool makers', 'semiconductor equipment makers', 'semiconductor equipment stocks', 'chip gear makers'], target: 'industry', value: 'Semiconductor Materials & Equipment' },
  { phrases: ['chip stocks', 'chip shares', 'chipmakers', 'chip makers', 'chipmaker shares', 'semiconductor stocks', 'semiconductor shares', 'semiconductor makers', 'semiconductors', 'chip sector'], target: 'industry', value: 'Semiconductors' },
  { phrases: ['ai power plays', 'ai energy plays', 'ai power stocks', 'energy-for-ai plays', 'energy for ai plays', 'ai-power stocks', 'data-centre power stocks', 'data center power stocks', 'power producers'], target: 'theme', value: 'ai-energy' },
  { phrases: ['ai infrastructure stocks', 'ai infrastructure names', 'ai stocks', 'ai darlings'], target: 'theme', value: 'ai-infrastructure' },
  { phrases: ['hyperscalers', 'cloud giants', 'cloud providers'], target: 'theme', value: 'hyperscalers' },
  { phrases: ['megacaps', 'megacap tech', 'mega-cap tech', 'big tech', 'magnificent seven', 'magnificent 7'], target: 'theme', value: 'mega-cap-tech' },
  { phrases: ['defence stocks', 'defense stocks', 'defence shares', 'defense shares', 'defence contractors', 'defense contractors'], target: 'theme', value: 'defense' },
  { phrases: ['utilities', 'utility stocks', 'utility shares', 'utilities stocks'], target: 'sector', value: 'Utilities' },
  { phrases: ['tech stocks', 'tech shares', 'technology stocks', 'technology shares', 'tech sector', 'technology sector'], target: 'sector', value: 'Information Technology' },
  { phrases: ['regional banks', 'regional bank stocks', 'regional lenders'], target: 'industry', value: 'Regional Banks' },
  { phrases: ['bank stocks', 'bank shares', 'banks', 'lenders', 'financials', 'financial stocks'], target: 'sector', value: 'Financials' },
  { phrases: ['energy stocks', 'energy shares', 'oil stocks', 'oil majors', 'oil producers', 'energy sector'], target: 'sector', value: 'Energy' },
  { phrases: ['healthcare stocks', 'health care stocks', 'health-care stocks', 'healthcare shares'], target: 'sector', value: 'Health Care' },
  { phrases: ['drugmakers', 'drug makers', 'pharma stocks', 'pharmaceutical stocks'], target: 'industry', value: 'Pharmaceuticals' },
  { phrases: ['biotech stocks', 'biotechs', 'biotech shares'], target: 'industry', value: 'Biotechnology' },
  { phrases: ['homebuilders', 'homebuilder stocks', 'housebuilders'], target: 'industry', value: 'Homebuilding' },
  { phrases: ['airlines', 'airline stocks', 'airline shares', 'carriers'], target: 'industry', value: 'Passenger Airlines' },
  { phrases: ['real estate stocks', 'property stocks', 'reits'], target: 'sector', value: 'Real Estate' },
  { phrases: ['consumer staples', 'staples'], target: 'sector', value: 'Consumer Staples' },
  { phrases: ['retailers', 'retail stocks'], target: 'sector', value: 'Consumer Discretionary' },
  { phrases: ['industrials', 'industrial stocks'], target: 'sector', value: 'Industrials' },
  { phrases: ['materials stocks', 'miners', 'mining stocks'], target: 'sector', value: 'Materials' },
  { phrases: ['telecoms', 'telecom stocks', 'media stocks'], target: 'sector', value: 'Communication Services' },
];

/** Short names stories use for companies whose master name differs (folded, see `foldName`). */
export const ALIASES: Record<string, string> = {
  google: 'GOOGL',
  alphabet: 'GOOGL',
  facebook: 'META',
  'facebook parent': 'META',
  meta: 'META',
  'meta platforms': 'META',
  amazon: 'AMZN',
  apple: 'AAPL',
  microsoft: 'MSFT',
  tesla: 'TSLA',
  nvidia: 'NVDA',
  tsmc: 'TSM',
  'taiwan semiconductor': 'TSM',
  samsung: '005930.KS',
  'samsung electronics': '005930.KS',
  'tokyo electron': '8035.T',
  'berkshire': 'BRK.B',
  'berkshire hathaway': 'BRK.B',
  jpmorgan: 'JPM',
  'jpmorgan chase': 'JPM',
  'j p morgan': 'JPM',
  'goldman': 'GS',
  'goldman sachs': 'GS',
  'bank of america': 'BAC',
  'broadcom': 'AVGO',
  'amd': 'AMD',
  'advanced micro devices': 'AMD',
  'micron': 'MU',
  'intel': 'INTC',
  'arm': 'ARM',
  'oracle': 'ORCL',
  'vistra': 'VST',
  'constellation': 'CEG',
  'constellation energy': 'CEG',
  'ge vernova': 'GEV',
  'talen': 'TLN',
  'talen energy': 'TLN',
  'super micro': 'SMCI',
  'supermicro': 'SMCI',
  'super micro computer': 'SMCI',
  'applied materials': 'AMAT',
  'lam research': 'LRCX',
  'kla': 'KLAC',
  'novo': 'NVO',
  'novo nordisk': 'NVO',
  'sap': 'SAP',
  'schneider': 'SU.PA',
  'schneider electric': 'SU.PA',
};

/** Capitalised words that start sentences or name days, publishers and figures: never part of a subject's edge. */
export const NOT_SUBJECTS = new Set([
  'a', 'an', 'the', 'shares', 'share', 'stock', 'stocks', 'in', 'on', 'at', 'by', 'for', 'from', 'of', 'to', 'with', 'and', 'but',
  'or', 'while', 'as', 'after', 'before', 'meanwhile', 'elsewhere', 'also', 'its', 'their', 'his', 'her', 'it', 'they', 'that',
  'this', 'those', 'these', 'which', 'who', 'whose', 'among', 'both', 'each', 'all', 'other', 'others', 'some', 'losers', 'gainers',
  'winners', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february', 'march', 'april',
  'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug',
  'sep', 'sept', 'oct', 'nov', 'dec', 'reuters', 'bloomberg', 'cnbc', 'ap', 'afp', 'update', 'updated', 'investors', 'traders',
  'analysts', 'ceo', 'ai', 'deepseek', 'openai', 'chatgpt', 'trump', 'biden', 'fed', 'federal', 'reserve', 'treasury', 'treasuries',
  'ipo', 'etf', 'gdp', 'pm', 'am', 'et', 'gmt', 'est', 'bst', 'cet', 'i', 'we', 'he', 'she', 'nasdaq', 'nyse', 'xetra', 'euronext',
  'revenue', 'revenues', 'sales', 'profit', 'profits', 'earnings', 'income', 'margin', 'margins', 'output', 'exports', 'imports',
  'inflation', 'prices', 'yields', 'volume', 'volumes', 'spending', 'demand', 'orders', 'bookings', 'guidance', 'wall', 'street',
  'later', 'earlier', 'separately', 'overall', 'today', 'yesterday', 'still', 'however', 'instead', 'then', 'now', 'there', 'here',
]);

/**
 * Places and nationalities: dropped when they stand alone ("In Frankfurt, …") and tried without when a name does not
 * match ("German Siemens Energy"), but kept when they are part of a name ("Tokyo Electron", "Bank of America").
 */
export const PLACE_WORDS = new Set([
  'european', 'american', 'asian', 'u.s.', 'us', 'uk', 'u.k.', 'eu', 'german', 'dutch', 'french', 'japanese', 'chinese', 'korean',
  'taiwanese', 'british', 'swiss', 'italian', 'spanish', 'frankfurt', 'amsterdam', 'paris', 'london', 'tokyo', 'new', 'york', 'hong',
  'kong', 'seoul', 'taipei', 'europe', 'asia', 'america', 'china', 'japan', 'germany', 'france', 'britain', 'korea', 'taiwan',
]);

/** Legal-form and listing words removed when names are compared ("Nvidia Corp." = "NVIDIA"). */
export const LEGAL_SUFFIXES = new Set([
  'inc', 'incorporated', 'corp', 'corporation', 'co', 'company', 'companies', 'ltd', 'limited', 'plc', 'ag', 'se', 'nv', 'sa',
  'spa', 'sas', 'ab', 'asa', 'as', 'oyj', 'kgaa', 'gmbh', 'llc', 'lp', 'holding', 'holdings', 'group', 'the', 'adr', 'ads',
  'class', 'a', 'b', 'c', 'trust', 'sponsored', 'ordinary', 'shares', 'common', 'stock',
]);
