/** Main → renderer events: a menu item was chosen; they carry no data. */
export const IMPORT_REQUESTED_CHANNEL = 'menu:import-holdings';
export const REPORT_REQUESTED_CHANNEL = 'menu:export-report';

/** What the preload exposes besides `window.api`: subscriptions to main's events. */
export interface AppEvents {
  /** Calls back when the user picks File › Import holdings…; returns an unsubscribe function. */
  onImportRequested(callback: () => void): () => void;
  /** Calls back when the user picks File › Export report…; returns an unsubscribe function. */
  onReportRequested(callback: () => void): () => void;
}
