import type { ImportField } from './types';

/** Lower case without accents: `Värdepapper` → `vardepapper`, `Quantité` → `quantite`, `Beløb` → `belob`. */
export function foldText(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ø/g, 'o')
    .replace(/æ/g, 'ae')
    .replace(/ß/g, 'ss');
}

/** Normalises a header cell: lower case without accents, single spaces, no `($)` or trailing colon. */
export function normaliseHeader(cell: string): string {
  return foldText(cell.replace(/^\uFEFF/, ''))
    .replace(/\(\s*\$\s*\)|\(usd\)/g, '')
    .replace(/[_\s]+/g, ' ')
    .replace(/:$/, '')
    .trim();
}

/** The names a header cell answers to: `Qty (Quantity)` answers to both `qty` and `quantity`. */
export function headerNames(cell: string): string[] {
  const full = normaliseHeader(cell);
  const m = /^(.*?)\s*\((.*)\)$/.exec(full);
  return m ? [full, m[1].trim(), m[2].trim()] : [full];
}

/**
 * Header aliases of the generic CSV layout, most specific first, in English, German, French, Dutch, Swedish, Danish,
 * Norwegian, Finnish, Italian, Spanish and Portuguese (accents folded: `Währung` is `wahrung`).
 */
export const GENERIC_ALIASES: Record<ImportField, string[]> = {
  account: [
    'account name',
    'account',
    'portfolio',
    'portefeuille',
    'acct',
    'account type',
    'konto',
    'depot',
    'depa',
    'compte',
    'rekening',
    'conto',
    'cuenta',
    'conta',
    'tili',
    'arvo-osuustili',
  ],
  accountNumber: ['account number', 'account no', 'account #', 'account id', 'kontonummer', 'numero de compte', 'rekeningnummer'],
  symbol: [
    'symbol',
    'ticker',
    'code',
    'ticker symbol',
    'security symbol',
    'stock',
    'instrument',
    'kortnamn',
    'symbole',
    'symbool',
    'simbolo',
    'tickersymbol',
    'vardepapper',
    'vaerdipapir',
    'vaerdipapirer',
    'verdipapir',
    'arvopaperi',
    'wertpapier',
    'codice',
    'codigo',
    'ativo',
    'wkn',
    'valorennummer',
    'valoren',
    // Crypto exchanges' "Asset" (Coinbase: ETH); exact only, so "Asset Currency" and "Asset Name" stay what they are.
    '=asset',
  ],
  isin: ['isin', 'isin code', 'code isin', 'isin-code', 'codice isin', 'codigo isin'],
  description: [
    'asset name',
    'description',
    'name',
    'security name',
    'security description',
    'investment name',
    'instrument name',
    'product',
    'security',
    'vardepapper/beskrivning',
    'beskrivning',
    'namn',
    'naam',
    'holdingname',
    'bezeichnung',
    'wertpapiername',
    'beschreibung',
    'libelle',
    'designation',
    'nom',
    'omschrijving',
    'produkt',
    'produit',
    'produto',
    'producto',
    'prodotto',
    'descrizione',
    'descripcion',
    'descricao',
    'nimi',
    'navn',
    'titolo',
    'fondo',
    'details',
    'detail',
    'comment',
    'opmerking',
    'remarque',
    'commento',
    'comentario',
    'kommentar',
    'transaktionstext',
    'transaktionstekst',
    'tekst',
    'text',
    'notes',
    'memo',
  ],
  quantity: [
    'quantity',
    'filled',
    'shares',
    'units',
    'qty',
    'no. of shares',
    'number of shares',
    'shares held',
    'position',
    'holding',
    'quantity held',
    'antal',
    'antall',
    'anzahl',
    'stuck',
    'stuckzahl',
    'stk',
    'stk.',
    'bestand',
    'nominal',
    'quantite',
    'nombre',
    'aantal',
    'aandelen',
    'quantita',
    'cantidad',
    'titulos',
    'participaciones',
    'quantidade',
    'maara',
    'kpl',
    'kappaletta',
    'osuudet',
    'andeler',
    'andele',
    // Rabobank's "Volume" (the units of a fund bought or sold); after "Quantity", so a quote's trading volume next
    // to a "Quantity" column (Yahoo Finance) is not taken.
    'volume',
  ],
  price: [
    'price',
    'last price',
    'share price',
    'current price',
    'close price',
    'closing price',
    'market price',
    'price per share',
    'unit price',
    'last',
    'kurs',
    'kurssi',
    'koers',
    'slotkoers',
    'cours',
    'prix',
    'prix unitaire',
    'dernier cours',
    'prezzo',
    'precio',
    'cotizacion',
    'preco',
    'cotacao',
    'hinta',
    'pris',
    'senaste kurs',
    'senaste',
    'aktueller kurs',
    'schlusskurs',
    'ausfuhrungskurs',
    'preis',
    'stuckpreis',
    'preis je stuck',
    'wert je stuck',
  ],
  marketValue: [
    'market value',
    'current value',
    'value',
    'total value',
    'mkt val',
    'marketvalue',
    'position value',
    'market value (base)',
    'marknadsvarde',
    'markedsvaerdi',
    'markedsverdi',
    'markkina-arvo',
    'marktwert',
    'kurswert',
    'wert',
    'waarde',
    'lokale waarde',
    'valorisation',
    'valeur',
    'valeur de marche',
    'montant valorise',
    'controvalore',
    'valore',
    'valor de mercado',
    'valoracion',
    'valor actual',
    'varde',
    'vaerdi',
    'verdi',
    'arvo',
  ],
  costBasis: [
    'cost basis',
    'cost basis total',
    'total cost',
    'cost',
    'book cost',
    'book value',
    'inkopsvarde',
    'anskaffelsesvaerdi',
    'kostpris',
    'einstandswert',
    'kaufwert',
    'prix de revient',
    'aankoopwaarde',
    'costo',
    'coste',
    'custo',
    'hankinta-arvo',
  ],
  currency: [
    'currency',
    'ccy',
    'curr',
    'currency code',
    'valuta',
    'wahrung',
    'devise',
    'monnaie',
    'divisa',
    'moneda',
    'moeda',
    'valuutta',
    'waehrung',
    // UBS's abbreviation of Währung.
    'whrg',
    'whrg.',
  ],
  priceCurrency: [
    'price currency',
    'instrumentvaluta',
    'instrument currency',
    'asset currency',
    'devise du prix',
    'kurswahrung',
    'handelswahrung',
    'valuta koers',
    'security currency',
    'trading currency',
    'local currency',
  ],
  date: [
    'date',
    'trade date',
    'run date',
    'transaction date',
    'transactiondate',
    'activity date',
    'filled time',
    'timestamp',
    'as of',
    'as of date',
    'settlement date',
    'datum',
    'affarsdag',
    'handelsdag',
    'handelstag',
    'bokforingsdag',
    'bogforingsdag',
    'buchungstag',
    'buchungsdatum',
    'transaktionsdatum',
    'datum transactie',
    "date d'operation",
    'date operation',
    "date de l'operation",
    'data',
    'data operazione',
    'fecha',
    'fecha operacion',
    'data da operacao',
    'paivamaara',
    'kauppapaiva',
    'kirjauspaiva',
    'pvm',
    'dato',
    'time',
    'tid',
    'zeit',
    'schlusstag',
    // The trade's date in Swiss and German bank exports ("Abschluss", next to "Buchung" and "Valuta").
    'abschluss',
    'abschlussdatum',
  ],
  action: [
    'action',
    'transaction type',
    'transactiontype',
    'trans code',
    'transaction code',
    'activity type',
    'type',
    'activity',
    'transaction',
    'transaktionstyp',
    'typ av transaktion',
    'transaktionstype',
    'transaksjonstype',
    'tapahtumatyyppi',
    'tyyppi',
    'typ',
    'transaktionsart',
    'buchungsart',
    'geschaftsart',
    'art',
    "type d'operation",
    'operation',
    'sens',
    'transactietype',
    'soort',
    'mutatie',
    'operazione',
    'tipo',
    'tipo operazione',
    'operacion',
    'tipo de operacion',
    'operacao',
    'tipo de operacao',
    'movimentacao',
    'order type',
    'event',
    'transaction category',
    'category',
    'categorie',
    'kategorie',
  ],
  side: ['side', 'buy/sell', 'buy / sell', 'kop/salj', 'k/s', 'achat/vente', 'kauf/verkauf', 'segno', 'sentido'],
  amount: [
    'amount',
    'net amount',
    'total amount',
    '=total',
    'belopp',
    'belob',
    'belop',
    'betrag',
    'montant',
    'montant net',
    'bedrag',
    'importo',
    'importe',
    'montante',
    'valor liquido',
    'valor total',
    'cash flow',
    'net cash',
    'summa',
    'netto',
    'nettobelopp',
  ],
  fees: [
    'fees',
    'fees & comm',
    'commission',
    'fee',
    'fees and commissions',
    'courtage',
    'kurtage',
    'kurtasje',
    'avgift',
    'avgifter',
    'total avgift',
    'gebuhren',
    'gebuhr',
    'provision',
    'frais',
    'kosten',
    'transactiekosten',
    'commissioni',
    'comision',
    'comissao',
    'taxas',
    'palkkio',
    'kulut',
    'gebyr',
    'samlede afgifter',
  ],
  securityType: [
    'security type',
    'asset class',
    'asset type',
    'instrument type',
    'wertpapierart',
    'type de titre',
    'tipo de activo',
    // UBS's "Instrumentenkategorie" (Anlagefonds) is a kind, not the instrument.
    'instrumentenkategorie',
    'anlageklasse',
  ],
  balance: ['cash balance', 'running balance', 'balance', 'saldo', 'solde', 'kontosaldo'],
  debit: ['debit', 'paid out', 'money out'],
  credit: ['credit', 'paid in', 'money in'],
};

/** Whether `alias` stands in `name` as whole words (`trade date` holds `date`; `kurswert` does not hold `kurs`). */
function holdsWords(name: string, alias: string): boolean {
  let from = 0;
  for (;;) {
    const at = name.indexOf(alias, from);
    if (at < 0) return false;
    const before = at === 0 ? '' : name[at - 1];
    const after = name[at + alias.length] ?? '';
    if (!/[a-z0-9]/.test(before) && !/[a-z0-9]/.test(after)) return true;
    from = at + 1;
  }
}

// Three passes, each over every field: exact names, then whole words, then (for aliases of 5+ letters) any part of a name.
// An alias written "=total" matches only a name that is exactly "total" ("Total Qty" is no amount).
const PASSES: ((name: string, alias: string) => boolean)[] = [
  (name, alias) => name === alias || (alias.startsWith('=') && name === alias.slice(1)),
  (name, alias) => !alias.startsWith('=') && holdsWords(name, alias),
  (name, alias) => !alias.startsWith('=') && alias.length >= 5 && name.includes(alias),
];

/**
 * Finds the column for each field from a list of aliases per field. An exact name beats a name that holds the alias
 * as a word, which beats one that holds it inside a word; within a pass the field's first alias that matches wins.
 */
export function mapColumns(
  header: readonly string[],
  aliases: Partial<Record<ImportField, string[]>>,
): Partial<Record<ImportField, number>> {
  const names = header.map(headerNames);
  const taken = new Set<number>();
  const columns: Partial<Record<ImportField, number>> = {};
  const entries = Object.entries(aliases) as [ImportField, string[]][];
  for (const matches of PASSES) {
    for (const [field, list] of entries) {
      if (columns[field] !== undefined) continue;
      for (const alias of list) {
        const index = names.findIndex((n, i) => !taken.has(i) && n.some((name) => matches(name, alias)));
        if (index >= 0) {
          columns[field] = index;
          taken.add(index);
          break;
        }
      }
    }
  }
  return columns;
}

/** Tells whether a row looks like a header: at least two cells that name known fields, and no numbers. */
const KNOWN_HEADERS = new Set(
  Object.values(GENERIC_ALIASES)
    .flat()
    .map((a) => a.replace(/^=/, '')),
);

export function isHeaderRow(row: readonly string[]): boolean {
  const known = KNOWN_HEADERS;
  let hits = 0;
  for (const cell of row) {
    if (/^[-+($€£]*\d[\d.,]*\)?$/.test(cell.trim())) return false;
    if (headerNames(cell).some((n) => known.has(n) || /^(tradedate|tradeprice|trademoney|currencyprimary|settledate|buy\/sell)$/.test(n)))
      hits++;
  }
  return hits >= 2;
}

/** The language a header line is written in, by its known names (for refusals); 'English' when none stands out. */
export function headerLanguage(header: readonly string[]): string {
  const names = header.flatMap(headerNames).join(' ');
  const LANGUAGES: [string, RegExp][] = [
    ['Swedish', /\b(antal|vardepapper|belopp|affarsdag|transaktionstyp|kurs|valuta|namn|courtage)\b/],
    ['Danish', /\b(vaerdipapir|vaerdipapirer|belob|bogforingsdag|antal|kurtage)\b/],
    ['Norwegian', /\b(verdipapir|antall|belop|transaksjonstype|kurtasje)\b/],
    ['Finnish', /\b(arvopaperi|maara|kurssi|valuutta|tapahtumatyyppi|summa|paivamaara)\b/],
    ['German', /\b(stuck|anzahl|wertpapier|kurswert|wahrung|betrag|buchungstag|bezeichnung|datum)\b/],
    ['Dutch', /\b(aantal|koers|waarde|omschrijving|bedrag|datum|valuta)\b/],
    ['French', /\b(quantite|cours|devise|libelle|montant|valeur|operation|frais)\b/],
    ['Italian', /\b(quantita|prezzo|controvalore|divisa|importo|titolo|operazione|descrizione)\b/],
    ['Spanish', /\b(cantidad|precio|fecha|importe|moneda|operacion|descripcion)\b/],
    ['Portuguese', /\b(quantidade|preco|moeda|montante|operacao|descricao|ativo)\b/],
    // English words no other of these languages uses, last so a tie stays with the other language: one "Operation
    // ID" among "Amount", "Price" and "Currency" (Relai) is no French header.
    ['English', /\b(amount|price|quantity|shares|units|fees?|account|currency|ticker|symbol)\b/],
  ];
  // Swedish and Danish share words; the first language with the most hits wins.
  let best = 'English';
  let most = 0;
  for (const [language, pattern] of LANGUAGES) {
    const hits = names.match(new RegExp(pattern.source, 'g'))?.length ?? 0;
    if (hits > most) [best, most] = [language, hits];
  }
  return best;
}
