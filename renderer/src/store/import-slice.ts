import type { StateCreator } from 'zustand';
import type { ImportCommitAnswer, ImportPreviewAnswer } from '../../../shared/ipc/contract';
import { countOf, listNames } from '../../../shared/format';
import type { ColumnMapping, OpeningDecision } from '../../../shared/import/types';
import { call, unwrap } from '../api';
import { defaultImportTarget, ownPortfolios, portfolioNameFor, type ImportTarget } from './import-target';
import { readImportFile } from './read-file';
import { attempt, errorSentence } from './attempt';
import type { Store } from './store';

/** Where the import screen is: choosing a file, reading it, previewing, writing. */
export type ImportStage = 'closed' | 'choose' | 'reading' | 'preview' | 'committing';

export interface ImportFile {
  fileName: string;
  text: string;
}

export interface ImportSlice {
  importStage: ImportStage;
  importFile: ImportFile | null;
  importAnswer: ImportPreviewAnswer | null;
  importMapping: ColumnMapping | null;
  /** The user's choices for holdings the history sells more of than it shows bought, keyed `account:symbol`. */
  importOpenings: Record<string, OpeningDecision>;
  importProblem: string | null;
  importProgress: number | null;
  /** Where the file goes; set when the import screen opens (see defaultImportTarget), changed by the user. */
  importTarget: ImportTarget | null;
  /** The last import committed this session, for the "Stress it" offer on its portfolio; null once dismissed. */
  lastImport: { portfolioId: number; fileName: string } | null;
  openImport(): void;
  /** Opens the import screen and reads a chosen or dropped file into it (the first screen's drop zone). */
  importFromFile(file: File | undefined): Promise<void>;
  /** Reads a chosen or dropped file with progress, then previews it; a file that cannot be read is refused. */
  readAndPreview(file: File | undefined): Promise<void>;
  setImportTarget(target: ImportTarget): Promise<void>;
  dismissLastImport(): void;
  closeImport(): void;
  setImportProgress(share: number | null): void;
  /** A file that could not be read: back to choosing, with the reason in the import screen. */
  refuseFile(error: unknown): void;
  previewFile(file: ImportFile, mapping?: ColumnMapping | null): Promise<void>;
  /** Sets (or with null clears) the choice for one holding and previews the file again with it. */
  chooseOpening(key: string, decision: OpeningDecision | null): Promise<void>;
  /** Desktop: main shows the native open dialog and reads the file; then it is previewed. */
  pickAndPreview(): Promise<void>;
  commitPreviewed(options: { onDuplicate?: 'replace' | 'skip'; skipInvalid?: boolean }): Promise<ImportCommitAnswer | null>;
  /** Undoes an import (or an applied proposal, recorded as one); `what` names it in the notice, e.g. "the import of x.csv". */
  undoImport(id: number, what: string): Promise<void>;
}

/** No file chosen yet: nothing read, mapped, decided or refused. */
const NO_FILE: Pick<ImportSlice, 'importFile' | 'importAnswer' | 'importMapping' | 'importOpenings' | 'importProblem'> = {
  importFile: null,
  importAnswer: null,
  importMapping: null,
  importOpenings: {},
  importProblem: null,
};

/** The import screen: the chosen file, its preview from main, the user's mapping fixes, commit and undo. */
export const createImportSlice: StateCreator<Store, [], [], ImportSlice> = (set, get) => ({
  importStage: 'closed',
  ...NO_FILE,
  importProgress: null,
  importTarget: null,
  lastImport: null,

  openImport: () =>
    set({
      importTarget: defaultImportTarget(get().clients, get().portfolios, get().selectedPortfolioId),
      importStage: 'choose',
      ...NO_FILE,
      importProgress: null,
    }),
  closeImport: () => set({ importStage: 'closed', ...NO_FILE }),
  setImportProgress: (share) => set({ importProgress: share, ...(share === null ? {} : { importStage: 'reading' as const }) }),

  importFromFile: async (file) => {
    if (!file) return;
    get().openImport();
    await get().readAndPreview(file);
  },

  readAndPreview: async (file) => {
    if (!file) return;
    try {
      get().setImportProgress(0);
      await get().previewFile(await readImportFile(file, get().setImportProgress));
    } catch (error) {
      get().refuseFile(error);
    }
  },

  setImportTarget: async (target) => {
    const before = get().importTarget;
    set({ importTarget: target });
    // The destination sets the default currency and whether the file was imported there already: preview again.
    const { importFile, importMapping, importAnswer } = get();
    const portfolioOf = (t: ImportTarget | null) => (t?.kind === 'existing' ? t.portfolioId : null);
    if (importFile && importAnswer && portfolioOf(before) !== portfolioOf(target)) await get().previewFile(importFile, importMapping);
  },

  dismissLastImport: () => set({ lastImport: null }),

  refuseFile: (error) => set({ importStage: 'choose', importProblem: errorSentence(error), importProgress: null }),

  previewFile: async (file, mapping = null) => {
    const target = get().importTarget;
    const portfolioId = target?.kind === 'existing' ? target.portfolioId : undefined;
    // Choices belong to one file: another file starts without them.
    const openings = get().importFile === file ? get().importOpenings : {};
    set({ importStage: 'reading', importFile: file, importMapping: mapping, importOpenings: openings, importProblem: null });
    try {
      const answer = await unwrap(
        call('imports:preview', {
          portfolioId,
          fileName: file.fileName,
          text: file.text,
          ...(mapping ? { mapping } : {}),
          ...(Object.keys(openings).length ? { openings } : {}),
        }),
      );
      set({ importStage: 'preview', importAnswer: answer, importProgress: null });
    } catch (error) {
      // Keep the last good preview on screen so the user can fix the mapping; otherwise go back to choosing.
      set((s) => ({ importStage: s.importAnswer ? 'preview' : 'choose', importProblem: errorSentence(error), importProgress: null }));
    }
  },

  chooseOpening: async (key, decision) => {
    const { importFile, importMapping, importOpenings } = get();
    if (!importFile) return;
    const { [key]: _dropped, ...rest } = importOpenings;
    set({ importOpenings: decision ? { ...rest, [key]: decision } : rest });
    await get().previewFile(importFile, importMapping);
  },

  pickAndPreview: async () => {
    try {
      const picked = await unwrap(call('imports:pick'));
      if (picked) await get().previewFile(picked);
    } catch (error) {
      set({ importProblem: errorSentence(error) });
    }
  },

  commitPreviewed: async (options) => {
    const { importFile, importMapping, importOpenings, importTarget } = get();
    const name = importTargetName(get());
    if (!importFile || !importTarget || (importTarget.kind === 'new' && !name)) return null;
    set({ importStage: 'committing', importProblem: null });
    try {
      const destination =
        importTarget.kind === 'existing'
          ? { portfolioId: importTarget.portfolioId }
          : {
              newPortfolio: {
                name: name!,
                ...(importTarget.clientName ? { clientName: importTarget.clientName } : {}),
                ...(!importTarget.clientName && importTarget.clientId !== null ? { clientId: importTarget.clientId } : {}),
              },
            };
      const answer = await unwrap(
        call('imports:commit', {
          ...destination,
          fileName: importFile.fileName,
          text: importFile.text,
          ...(importMapping ? { mapping: importMapping } : {}),
          ...(Object.keys(importOpenings).length ? { openings: importOpenings } : {}),
          ...options,
        }),
      );
      get().closeImport();
      const portfolioId = answer.import?.portfolioId ?? (importTarget.kind === 'existing' ? importTarget.portfolioId : null);
      if (portfolioId !== null) {
        get().selectPortfolio(portfolioId);
        if (answer.status === 'imported') set({ lastImport: { portfolioId, fileName: importFile.fileName } });
      }
      await get().loadPortfolios();
      await get().loadHoldings();
      get().setView('holdings');
      const id = answer.import?.id;
      const into = importTarget.kind === 'new' ? ` of the new portfolio “${name}”` : '';
      get().notify(
        answer.status === 'skipped'
          ? { kind: 'info', message: `${importFile.fileName} was already imported; nothing changed.` }
          : {
              kind: 'info',
              message: `Imported ${countOf(answer.positions, 'position')} from ${importFile.fileName} into ${listNames(answer.accounts)}${into}.`,
              ...(id ? { action: { label: 'Undo', run: () => void get().undoImport(id, `the import of ${importFile.fileName}`) } } : {}),
            },
      );
      return answer;
    } catch (error) {
      set({ importStage: 'preview', importProblem: errorSentence(error) });
      return null;
    }
  },

  undoImport: async (id, what) => {
    await attempt(get, async () => {
      const { removed, restored } = await unwrap(call('imports:undo', { id }));
      await get().loadHoldings();
      await get().loadPortfolios();
      set({ lastImport: null });
      get().notify({ kind: 'info', message: `Undid ${what}: removed ${removed}, restored ${countOf(restored, 'position')}.` });
    });
  },
});

/**
 * The name of the new portfolio an import makes: the user's, else one from the file's broker or name, unique among the
 * portfolios of the client it goes to (a new client has none); null for an existing portfolio or before a preview.
 */
export function importTargetName(s: Pick<Store, 'importTarget' | 'importAnswer' | 'clients' | 'portfolios'>): string | null {
  const target = s.importTarget;
  if (target?.kind !== 'new') return null;
  if (target.name !== null) return target.name.trim() || null;
  if (!s.importAnswer) return null;
  const own = ownPortfolios(s.clients, s.portfolios);
  const siblings = target.clientName ? [] : target.clientId === null ? own : own.filter((p) => p.clientId === target.clientId);
  const { fileName, formatLabel } = s.importAnswer.preview;
  return portfolioNameFor(
    fileName,
    formatLabel,
    siblings.map((p) => p.name),
  );
}
