import { AppError } from '../../shared/ipc/result';
import { listImports } from '../db/imports';
import { getPortfolio } from '../db/portfolios';
import { commitImport, previewImport, undoImport } from '../services/imports';
import type { HandlerMap } from './types';

/** imports:* commands. */
export const importHandlers: HandlerMap<'imports:preview' | 'imports:commit' | 'imports:undo' | 'imports:list' | 'imports:pick'> = {
  'imports:preview': ({ db }, request) => previewImport(db, request),
  'imports:commit': ({ db }, request) => {
    const answer = commitImport(db, request);
    return { ...answer, isSavedMapping: Boolean(request.mapping), previousImport: null };
  },
  'imports:undo': ({ db }, { id }) => undoImport(db, id),
  'imports:list': ({ db }, { portfolioId }) => {
    getPortfolio(db, portfolioId);
    return listImports(db, portfolioId);
  },
  'imports:pick': ({ pickImportFile }) => {
    if (!pickImportFile) {
      throw new AppError('validation', 'Choosing a file through a system dialog works in the desktop app; here, use the file picker or drop the file.');
    }
    return pickImportFile();
  },
};
