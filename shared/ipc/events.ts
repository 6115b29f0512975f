/** The one main → renderer event: File › Import holdings… was chosen; it carries no data. */
export const IMPORT_REQUESTED_CHANNEL = 'menu:import-holdings';

/** What the preload exposes besides `window.api`: subscriptions to main's events. */
export interface AppEvents {
  /** Calls back when the user picks File › Import holdings…; returns an unsubscribe function. */
  onImportRequested(callback: () => void): () => void;
}
