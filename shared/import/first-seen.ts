/**
 * Which earlier row had the same account and symbol: the duplicate check of a positions file. A Map of Maps keyed by
 * each row's fresh strings cost a tenth of a 100,000-row preview (growing and rehashing them, and the garbage), so
 * this is an open-addressing table over the rows seen, sized for the file once.
 */
export class FirstSeen {
  private slots: Int32Array;
  private readonly accounts: string[] = [];
  private readonly symbols: string[] = [];
  private readonly rows: number[] = [];
  private readonly hashes: number[] = [];
  /** Rows of one account usually come together: its hash is kept between rows. */
  private lastAccount = '';
  private lastAccountHash = hashOf('', FNV_OFFSET);

  constructor(expectedRows: number) {
    this.slots = new Int32Array(capacityFor(expectedRows)).fill(-1);
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
    const k = this.rows.length;
    this.accounts.push(account);
    this.symbols.push(symbol);
    this.rows.push(row);
    this.hashes.push(hash);
    if (k * 2 >= this.slots.length) this.rehash();
    else this.place(k);
    return undefined;
  }

  private place(k: number): void {
    const mask = this.slots.length - 1;
    let at = this.hashes[k] & mask;
    while (this.slots[at] >= 0) at = (at + 1) & mask;
    this.slots[at] = k;
  }

  private rehash(): void {
    this.slots = new Int32Array(this.slots.length * 2).fill(-1);
    for (let k = 0; k < this.rows.length; k++) this.place(k);
  }
}

const FNV_OFFSET = 0x811c9dc5;

/** FNV-1a over the string's UTF-16 code units, continuing from `seed`. */
function hashOf(text: string, seed: number): number {
  let h = seed;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** A power of two with room for twice the rows expected (at least 16). */
function capacityFor(rows: number): number {
  let capacity = 16;
  while (capacity < rows * 2) capacity *= 2;
  return capacity;
}
