import { buildReport, reportAsHtml, reportAsPdf, reportSettingsFor } from '../services/reports';
import type { CommandsOf, HandlerMap } from './types';

/** reports:* commands. */
export const reportHandlers: HandlerMap<CommandsOf<'reports'>> = {
  'reports:settings': (services, { portfolioId }) => reportSettingsFor(services, portfolioId),
  'reports:build': (services, request) => buildReport(services, request),
  'reports:html': (services, request) => reportAsHtml(services, request),
  'reports:pdf': (services, request) => reportAsPdf(services, request),
};
