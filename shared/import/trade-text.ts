import { classifyAction } from './actions';
import { readNumber } from './numbers';
import type { DecimalStyle } from './types';

/** A trade written out in a text cell: "Buy 12 @ 41.50 USD", "OPEN BUY 12.5 @ 8.90", "Koop 1,5 @ 97,38 EUR". */
export interface TradeText {
  side: 'buy' | 'sell' | null;
  quantity: number;
  price: number;
  /** The price's currency when the text names one ("USD", "GBX"). */
  currency: string | null;
}

const NUMBER = /\d(?:[\d.,'\u00a0\u202f]*\d)?/g;
// The quantity before "@" (or " at " / " à "), the price after it, a currency code on either side of the price.
const SPLIT = /\s*(?:@|\bat\b|\bà\b)\s*/i;
const CURRENCY_AFTER = /^\s*([A-Z]{3}|GBp)\b/;
const CURRENCY_BEFORE = /\b([A-Z]{3})\s*$/;

/**
 * The decimal mark the numbers of one text use: a separator followed by one, two or four and more digits is a decimal
 * mark ("41.50", "1,5"; three digits are ambiguous); with both marks in one number the last one is. When
 * no number in the text settles it, the file's style does.
 */
export function textDecimalStyle(tokens: readonly string[], fallback: DecimalStyle): DecimalStyle {
  for (const token of tokens) {
    const lastComma = token.lastIndexOf(',');
    const lastDot = token.lastIndexOf('.');
    if (lastComma >= 0 && lastDot >= 0) return lastComma > lastDot ? ',' : '.';
    const at = Math.max(lastComma, lastDot);
    if (at < 0) continue;
    const sep = token[at];
    const isOnce = token.indexOf(sep) === at;
    const decimals = token.length - at - 1;
    if (!isOnce) return sep === ',' ? '.' : ','; // "1.234.567": that mark groups thousands
    if (decimals !== 3) return sep as DecimalStyle;
  }
  return fallback;
}

/** Reads a trade from text such as "Buy 12 @ 41.50 USD"; null when the text holds no "quantity @ price". */
export function readTradeText(text: string, fileDecimal: DecimalStyle): TradeText | null {
  const parts = text.split(SPLIT);
  if (parts.length !== 2) return null;
  const [left, right] = parts;
  const leftNumbers = left.match(NUMBER);
  const rightNumbers = right.match(NUMBER);
  if (!leftNumbers || !rightNumbers) return null;
  // The quantity is the first number after the verb ("Compra 6 ISHARES MSCI WOR A@49,785 EUR").
  const quantityText = leftNumbers[0];
  const priceText = rightNumbers[0];
  const decimal = textDecimalStyle([priceText, quantityText], fileDecimal);
  const clean = (s: string) => s.replace(/['\u00a0\u202f]/g, '');
  const quantity = readNumber(clean(quantityText), decimal);
  const price = readNumber(clean(priceText), decimal);
  if (quantity === null || quantity === undefined || price === null || price === undefined) return null;
  const priceAt = right.indexOf(priceText);
  const currency =
    CURRENCY_AFTER.exec(right.slice(priceAt + priceText.length))?.[1] ?? CURRENCY_BEFORE.exec(right.slice(0, priceAt))?.[1] ?? null;
  const side = classifyAction(left);
  return { side: side === 'buy' || side === 'sell' ? side : null, quantity, price, currency: currency === 'GBp' ? 'GBX' : currency };
}
