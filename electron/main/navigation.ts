// The window's navigation rules as pure functions (no Electron import), so they can be tested here.

/** Only http(s) URLs may be handed to the system browser; file:, javascript:, custom schemes and junk may not. */
export function isSafeExternalUrl(url: string): boolean {
  try {
    const { protocol, hostname } = new URL(url);
    return (protocol === 'https:' || protocol === 'http:') && hostname !== '';
  } catch {
    return false;
  }
}

/** A new window is never opened; a safe link goes to the system browser instead. */
export function decideWindowOpen(url: string): { action: 'deny'; openExternally: boolean } {
  return { action: 'deny', openExternally: isSafeExternalUrl(url) };
}

/**
 * The page may only reload itself: any other target is prevented, and a safe link opens in the system
 * browser. `current` is the page's URL (file:// in the app, the dev server while developing).
 */
export function decideNavigation(target: string, current: string): { prevent: boolean; openExternally: boolean } {
  if (target === current) return { prevent: false, openExternally: false };
  return { prevent: true, openExternally: isSafeExternalUrl(target) };
}
