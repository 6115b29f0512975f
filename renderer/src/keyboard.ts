import { VIEWS, type View } from './store/ui-slice';

/** Ctrl/Cmd + 1…7 switches views (App ignores the advisor views when they are hidden); answers the view for a key event, or null. */
export function viewForShortcut(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>): View | null {
  if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return null;
  const index = Number(event.key) - 1;
  return Number.isInteger(index) && index >= 0 && index < VIEWS.length ? VIEWS[index] : null;
}

/** Ctrl/Cmd+Z undoes a scenario edit and Ctrl/Cmd+Shift+Z (or Ctrl+Y) redoes it, outside text fields. */
export function editShortcut(
  event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>,
  inTextField: boolean,
): 'undo' | 'redo' | null {
  if (inTextField || !(event.ctrlKey || event.metaKey) || event.altKey) return null;
  const key = event.key.toLowerCase();
  if (key === 'z') return event.shiftKey ? 'redo' : 'undo';
  if (key === 'y' && !event.shiftKey) return 'redo';
  return null;
}
