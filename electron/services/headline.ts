import type { Database } from 'better-sqlite3';
import { draftFromStory, type HeadlineDraft, type HeadlineMaster, type StorySource } from '../../shared/headline';
import { listSecurityLayers, listVocabulary } from '../db/securities';
import { listThemes } from '../db/themes';
import { freeId } from './scenario-library';
import type { Services } from './services';

const NAME_PRECEDENCE = { user: 0, 'market-data': 1, bundled: 2 } as const;

/** The security master as drafting needs it: each symbol's name (user over market data over bundled), the vocabularies, the themes. */
export function loadHeadlineMaster(db: Database): HeadlineMaster {
  const names = new Map<string, { name: string; rank: number }>();
  for (const layer of listSecurityLayers(db, null)) {
    const rank = NAME_PRECEDENCE[layer.source];
    const known = names.get(layer.symbol);
    if (layer.name && (!known || rank < known.rank)) names.set(layer.symbol, { name: layer.name, rank });
  }
  const vocabulary = listVocabulary(db);
  return {
    securities: [...names].map(([symbol, { name }]) => ({ symbol, name })),
    industries: vocabulary.industries,
    sectors: vocabulary.sectors,
    countries: vocabulary.countries,
    themes: listThemes(db).map((t) => ({ id: t.id, name: t.name })),
  };
}

/** Drafts an unsaved scenario from a news story's text, with an id free among the library's scenarios. */
export function draftScenarioFromText(services: Services, request: StorySource & { text: string }): HeadlineDraft {
  const stem = (request.name ?? `news-story${request.date ? `-${request.date}` : ''}`)
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  const id = freeId(services, stem || 'news-story');
  return draftFromStory(request.text, loadHeadlineMaster(services.db), {
    id,
    name: request.name,
    date: request.date,
    publisher: request.publisher,
  });
}
