import { trimPreview } from '../../shared/import/summary';
import { AppError } from '../../shared/ipc/result';
import { listImports } from '../db/imports';
import { getPortfolio } from '../db/portfolios';
import { commitImport, previewImport, undoImport } from '../services/imports';
import type { CommandsOf, HandlerMap } from './types';

/** imports:* commands. */
export const importHandlers: HandlerMap<CommandsOf<'imports'>> = {
  // Previews go to a screen or over IPC: a 100,000-row file is trimmed to its problems and a sample.
  'imports:preview': ({ db }, request) => {
    const { preview, previousImport, isSavedMapping } = previewImport(db, request);
    return { preview: trimPreview(preview), previousImport, isSavedMapping };
  },
  'imports:commit': ({ db }, request) => {
    const answer = commitImport(db, request);
    return { ...answer, preview: trimPreview(answer.preview), isSavedMapping: Boolean(request.mapping), previousImport: null };
  },
  'imports:undo': ({ db }, { id }) => undoImport(db, id),
  'imports:list': ({ db }, { portfolioId }) => {
    getPortfolio(db, portfolioId);
    return listImports(db, portfolioId);
  },
  'imports:pick': ({ pickImportFile }) => {
    if (!pickImportFile) {
      throw new AppError(
        'validation',
        'Choosing a file through a system dialog works in the desktop app; here, use the file picker or drop the file.',
      );
    }
    return pickImportFile();
  },
};
