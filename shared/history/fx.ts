/** Yahoo's symbol for the rate of `quote` per unit of `currency` (EURUSD=X); the pair's daily closes are stored in `prices` under it. */
export function fxPairSymbol(currency: string, quote: string): string {
  return `${currency}${quote}=X`;
}
