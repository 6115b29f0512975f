import type { StateCreator } from 'zustand';
import type { ImportCommitAnswer, ImportPreviewAnswer } from '../../../shared/ipc/contract';
import { countOf, listNames } from '../../../shared/format';
import type { ColumnMapping, OpeningDecision } from '../../../shared/import/types';
import { call, unwrap } from '../api';
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
  openImport(): void;
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

/** The import screen: the chosen file, its preview from main, the user's mapping fixes, commit and undo. */
export const createImportSlice: StateCreator<Store, [], [], ImportSlice> = (set, get) => ({
  importStage: 'closed',
  importFile: null,
  importAnswer: null,
  importMapping: null,
  importOpenings: {},
  importProblem: null,
  importProgress: null,

  openImport: () =>
    set({
      importStage: 'choose',
      importFile: null,
      importAnswer: null,
      importMapping: null,
      importOpenings: {},
      importProblem: null,
      importProgress: null,
    }),
  closeImport: () =>
    set({ importStage: 'closed', importFile: null, importAnswer: null, importMapping: null, importOpenings: {}, importProblem: null }),
  setImportProgress: (share) => set({ importProgress: share, ...(share === null ? {} : { importStage: 'reading' as const }) }),

  refuseFile: (error) => set({ importStage: 'choose', importProblem: errorSentence(error), importProgress: null }),

  previewFile: async (file, mapping = null) => {
    const portfolioId = get().selectedPortfolioId ?? undefined;
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
    const { importFile, importMapping, importOpenings, selectedPortfolioId } = get();
    if (!importFile || selectedPortfolioId === null) return null;
    set({ importStage: 'committing', importProblem: null });
    try {
      const answer = await unwrap(
        call('imports:commit', {
          portfolioId: selectedPortfolioId,
          fileName: importFile.fileName,
          text: importFile.text,
          ...(importMapping ? { mapping: importMapping } : {}),
          ...(Object.keys(importOpenings).length ? { openings: importOpenings } : {}),
          ...options,
        }),
      );
      get().closeImport();
      await get().loadHoldings();
      await get().loadPortfolios();
      const id = answer.import?.id;
      get().notify(
        answer.status === 'skipped'
          ? { kind: 'info', message: `${importFile.fileName} was already imported; nothing changed.` }
          : {
              kind: 'info',
              message: `Imported ${countOf(answer.positions, 'position')} from ${importFile.fileName} into ${listNames(answer.accounts)}.`,
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
      get().notify({ kind: 'info', message: `Undid ${what}: removed ${removed}, restored ${countOf(restored, 'position')}.` });
    });
  },
});
