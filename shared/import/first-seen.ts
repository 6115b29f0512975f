/**
 * Which earlier row had the same account and symbol: the duplicate check of a positions file. A Map of Maps keyed by
 * each row's fresh strings cost a tenth of a 100,000-row preview (growing and rehashing them, and the garbage), so
 * this is an open-addressing table over the rows seen, sized for the file once.
 */
export class FirstSeen {
  private slots: Int32Array;
  // Entries in typed arrays and arrays sized once: growing four arrays by push, and a boxed number for every hash
  // above 2^31, cost a 100,000-row preview about 2%.
  private accounts: string[];
  private symbols: string[];
  private rows: Int32Array;
  private hashes: Int32Array;
  private count = 0;
  /** Rows of one account usually come together: its hash is kept between rows. */
  private lastAccount = '';
  private lastAccountHash = hashOf('', FNV_OFFSET);

  constructor(expectedRows: number) {
    const size = Math.max(16, expectedRows);
    this.slots = new Int32Array(capacityFor(size)).fill(-1);
    this.accounts = new Array<string>(size);
    this.symbols = new Array<string>(size);
    this.rows = new Int32Array(size);
    this.hashes = new Int32Array(size);
  }

  /** The row that first had this account and symbol; undefined when none did (this row is then that first one). */
  firstRow(account: string, symbol: string, row: number): number | undefined {
    if (account !== this.lastAccount) [this.lastAccount, this.lastAccountHash] = [account, hashOf(account, FNV_OFFSET)];
    const hash = hashOf(symbol, this.lastAccountHash);
    const mask = this.slots.length - 1;
    for (let at = hash & mask; ; at = (at + 1) & mask) {
      const k = this.slots[at];
      if (k < 0) break;
      if (this.hashes[k] === hash && this.symbols[k] === symbol && this.accounts[k] === account) return this.rows[k];
    }
    const k = this.count++;
    if (k === this.rows.length) this.grow();
    this.accounts[k] = account;
    this.symbols[k] = symbol;
    this.rows[k] = row;
    this.hashes[k] = hash;
    if (k * 2 >= this.slots.length) this.rehash();
    else this.place(k);
    return undefined;
  }

  /** More entries than the rows expected: twice the room. */
  private grow(): void {
    const size = this.rows.length * 2;
    this.accounts.length = size;
    this.symbols.length = size;
    const rows = new Int32Array(size);
    rows.set(this.rows);
    this.rows = rows;
    const hashes = new Int32Array(size);
    hashes.set(this.hashes);
    this.hashes = hashes;
  }

  private place(k: number): void {
    const mask = this.slots.length - 1;
    let at = this.hashes[k] & mask;
    while (this.slots[at] >= 0) at = (at + 1) & mask;
    this.slots[at] = k;
  }

  private rehash(): void {
    this.slots = new Int32Array(this.slots.length * 2).fill(-1);
    for (let k = 0; k < this.count; k++) this.place(k);
  }
}

const FNV_OFFSET = 0x811c9dc5 | 0;

/** FNV-1a over the string's UTF-16 code units, continuing from `seed`; a signed 32-bit value (kept unboxed). */
function hashOf(text: string, seed: number): number {
  let h = seed;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h | 0;
}

/** A power of two with room for twice the rows expected (at least 16). */
function capacityFor(rows: number): number {
  let capacity = 16;
  while (capacity < rows * 2) capacity *= 2;
  return capacity;
}
