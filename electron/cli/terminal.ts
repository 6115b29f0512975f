/**
 * Control characters a terminal would act on: C0 except tab and line feed (ESC starts CSI/OSC sequences that
 * recolour, retitle, rewrite the screen or plant links; BEL rings; a lone CR overwrites the line), DEL, and C1
 * (U+0080–U+009F, where U+009B is a one-character CSI and U+009D an OSC).
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /\r(?!\n)|[\u0000-\u0008\u000b-\u000c\u000e-\u001f\u007f-\u009f]/g;

/**
 * Text made safe to print on a terminal: every control character it could act on is shown as a visible \uXXXX
 * instead (inside a JSON string that is the same character, so --json output still parses to the same values).
 * Tabs, line feeds and CRLF line ends stay as they are.
 */
export function terminalSafe(text: string): string {
  return text.replace(CONTROL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
