import fs from 'node:fs';
import { z } from 'zod';

/** Where and how big the main window was when it last closed. */
export interface WindowState {
  x?: number;
  y?: number;
  width: number;
  height: number;
  isMaximized: boolean;
}

export interface Area {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const DEFAULT_WINDOW_STATE: WindowState = { width: 1280, height: 820, isMaximized: false };

/** The smallest window: the 1280×720 layout the e2e layout checks hold to (nothing cut, nothing scrolling sideways). */
export const MIN_WINDOW_SIZE = { width: 1280, height: 720 } as const;

const stateSchema = z.object({
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  // A window saved smaller by an older version opens at the minimum size.
  width: z
    .number()
    .int()
    .min(200)
    .max(20000)
    .transform((w) => Math.max(w, MIN_WINDOW_SIZE.width)),
  height: z
    .number()
    .int()
    .min(200)
    .max(20000)
    .transform((h) => Math.max(h, MIN_WINDOW_SIZE.height)),
  isMaximized: z.boolean(),
});

/** Reads the saved window state; the default when missing or unreadable. */
export function readWindowState(file: string): WindowState {
  try {
    const parsed = stateSchema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data : DEFAULT_WINDOW_STATE;
  } catch {
    return DEFAULT_WINDOW_STATE;
  }
}

/** Saves the window state (best effort: a failure only loses the position). */
export function writeWindowState(file: string, state: WindowState): void {
  try {
    fs.writeFileSync(file, JSON.stringify(state));
  } catch {
    // Not worth interrupting quit for.
  }
}

/**
 * Keeps a remembered window on a screen that still exists: a window whose title bar
 * would be off every display (a monitor was unplugged) goes back to the default placement.
 */
export function fitToDisplays(state: WindowState, workAreas: readonly Area[]): WindowState {
  if (state.x === undefined || state.y === undefined) return state;
  const { x, y } = state;
  const titleBarVisible = workAreas.some((a) => x + 100 > a.x && x < a.x + a.width - 100 && y >= a.y && y < a.y + a.height - 50);
  if (!titleBarVisible) return { width: state.width, height: state.height, isMaximized: state.isMaximized };
  return state;
}
