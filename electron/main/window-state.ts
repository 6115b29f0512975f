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
const MIN_WIDTH = 900;
const MIN_HEIGHT = 600;

const stateSchema = z.object({
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  width: z.number().int().min(MIN_WIDTH).max(20000),
  height: z.number().int().min(MIN_HEIGHT).max(20000),
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
