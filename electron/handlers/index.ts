import { cleanStack } from '../logging';
import type { CommandName } from '../../shared/ipc/contract';
import { accountHandlers } from './accounts';
import { clientHandlers } from './clients';
import { firmHandlers } from './firm';
import { healthHandlers } from './health';
import { importHandlers } from './imports';
import { proposalHandlers } from './proposals';
import { portfolioHandlers } from './portfolios';
import { positionHandlers } from './positions';
import { reportHandlers } from './reports';
import { scenarioHandlers } from './scenarios';
import { stressHandlers } from './stress';
import { referenceHandlers } from './reference';
import { trashHandlers } from './trash';
import type { HandlerMap } from './types';

/** One handler per declared command; the compiler fails if a command has none. */
export const handlers: HandlerMap<CommandName> = {
  'app:info': ({ info }) => info,
  'app:logerror': ({ log }, { kind, message, stack, view }) => {
    log?.error({
      where: `renderer:${kind}${view ? `:${view}` : ''}`,
      message,
      detail: stack === undefined ? undefined : cleanStack(stack),
    });
    return { logged: log !== undefined };
  },
  ...clientHandlers,
  ...portfolioHandlers,
  ...accountHandlers,
  ...positionHandlers,
  ...scenarioHandlers,
  ...stressHandlers,
  ...importHandlers,
  ...reportHandlers,
  ...referenceHandlers,
  ...trashHandlers,
  ...firmHandlers,
  ...healthHandlers,
  ...proposalHandlers,
};
