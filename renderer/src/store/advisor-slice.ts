import type { StateCreator } from 'zustand';
import type { ClientSummary, Proposal } from '../../../shared/domain/types';
import type { ProposalComparison } from '../../../shared/firm/proposal';
import { countOf } from '../../../shared/format';
import type { BatchJobStatus, FirmJobStatus, FirmRun, FirmRunSummary } from '../../../shared/firm/runs';
import type { RequestInput } from '../../../shared/ipc/contract';
import { call, unwrap } from '../api';
import { attempt as attemptWith } from './attempt';
import { followJob } from './follow-job';
import type { Store } from './store';

export type ClientPatch = RequestInput<'clients:update'>['patch'];
export type ProposalPositionPatch = RequestInput<'proposals:edit'>['patch'];
export type NewProposalPosition = Omit<RequestInput<'proposals:add'>, 'proposalId'>;

export interface AdvisorSlice {
  clientOverview: ClientSummary[];
  firmStatus: FirmJobStatus | null;
  firmRuns: FirmRunSummary[];
  firmRun: FirmRun | null;
  /** An earlier run to compare the shown one with. */
  firmBaseline: FirmRun | null;
  proposal: Proposal | null;
  comparison: ProposalComparison | null;
  batchStatus: BatchJobStatus | null;
  /** Makes every client's PDF of a saved run; with `allowFindings`, also those with blocking data-health findings. */
  startBatchReports(runId: number, allowFindings?: boolean): Promise<void>;
  cancelBatchReports(): Promise<void>;
  loadClientOverview(): Promise<void>;
  createClient(input: RequestInput<'clients:create'>): Promise<boolean>;
  updateClient(id: number, patch: ClientPatch): Promise<boolean>;
  startFirmRun(scenarioIds: string[], tag?: string): Promise<void>;
  cancelFirmRun(): Promise<void>;
  loadFirmRuns(): Promise<void>;
  openFirmRun(id: number): Promise<void>;
  setFirmBaseline(id: number | null): Promise<void>;
  /** Deletes a saved run; the notice offers to bring it back. */
  deleteFirmRun(id: number): Promise<void>;
  openClientResults(portfolioId: number, scenarioId: string | null): Promise<void>;
  startProposal(portfolioId: number): Promise<void>;
  openProposal(id: number): Promise<void>;
  editProposalPosition(id: number, patch: ProposalPositionPatch): Promise<boolean>;
  addProposalPosition(input: NewProposalPosition): Promise<boolean>;
  removeProposalPosition(id: number): Promise<void>;
  compareProposal(scenarioIds: string[]): Promise<void>;
  applyProposal(): Promise<boolean>;
  discardProposal(): Promise<void>;
  closeProposal(): void;
}

const FIRM_POLL_MS = 150;
/** Each report is a PDF print of several pages: asking less often is enough. */
const BATCH_POLL_MS = 300;

/** The advisor's side: client list with totals, firm-wide runs (job, saved runs, baseline) and proposals. */
export const createAdvisorSlice: StateCreator<Store, [], [], AdvisorSlice> = (set, get) => {
  const attempt = <T>(work: () => Promise<T>) => attemptWith(get, work);
  const compareAgain = async () => {
    const { proposal, comparison } = get();
    if (proposal && comparison)
      set({
        comparison: await unwrap(
          call('proposals:compare', { id: proposal.id, scenarioIds: comparison.scenarios.map((s) => s.scenarioId) }),
        ),
      });
  };
  const proposalStep = async (work: () => Promise<Proposal>) =>
    (await attempt(async () => {
      set({ proposal: await work() });
      await compareAgain();
      return true;
    })) ?? false;

  return {
    clientOverview: [],
    firmStatus: null,
    firmRuns: [],
    firmRun: null,
    firmBaseline: null,
    proposal: null,
    comparison: null,
    batchStatus: null,

    startBatchReports: async (runId, allowFindings = false) => {
      await attempt(async () => {
        const first = await unwrap(call('firm:reports', { runId, allowFindings }));
        await followJob(
          first,
          () => unwrap(call('firm:reportstatus')),
          (batchStatus) => set({ batchStatus }),
          BATCH_POLL_MS,
        );
      });
    },
    cancelBatchReports: async () => {
      await attempt(async () => set({ batchStatus: await unwrap(call('firm:reportcancel')) }));
    },

    loadClientOverview: async () => {
      await attempt(async () => set({ clientOverview: await unwrap(call('clients:overview')) }));
    },
    createClient: async (input) =>
      (await attempt(async () => {
        const client = await unwrap(call('clients:create', input));
        await Promise.all([get().loadClientOverview(), get().loadPortfolios()]);
        get().notify({ kind: 'info', message: `Added client “${client.name}”.` });
        return true;
      })) ?? false,
    updateClient: async (id, patch) =>
      (await attempt(async () => {
        await unwrap(call('clients:update', { id, patch }));
        await Promise.all([get().loadClientOverview(), get().loadPortfolios()]);
        return true;
      })) ?? false,

    startFirmRun: async (scenarioIds, tag) => {
      await attempt(async () => {
        const first = await unwrap(call('firm:start', { scenarioIds, tag: tag || undefined }));
        const status = await followJob(
          first,
          () => unwrap(call('firm:status')),
          (firmStatus) => set({ firmStatus }),
          FIRM_POLL_MS,
        );
        if (status.state === 'done' && status.runId !== null) {
          await get().loadFirmRuns();
          await get().openFirmRun(status.runId);
        } else if (status.state === 'failed') get().notify({ kind: 'error', message: status.message });
      });
    },
    cancelFirmRun: async () => {
      await attempt(async () => set({ firmStatus: await unwrap(call('firm:cancel')) }));
    },
    loadFirmRuns: async () => {
      await attempt(async () => set({ firmRuns: await unwrap(call('firm:runs')) }));
    },
    openFirmRun: async (id) => {
      await attempt(async () => {
        const run = await unwrap(call('firm:get', { id }));
        // Default baseline: the latest earlier run of another day with the same scenarios and tag.
        const earlier = get().firmRuns.find(
          (r) => r.id !== id && r.runDate < run.runDate && r.tag === run.tag && r.scenarioIds.join() === run.scenarioIds.join(),
        );
        set({ firmRun: run, firmBaseline: earlier ? await unwrap(call('firm:get', { id: earlier.id })) : null });
      });
    },
    setFirmBaseline: async (id) => {
      await attempt(async () => set({ firmBaseline: id === null ? null : await unwrap(call('firm:get', { id })) }));
    },
    deleteFirmRun: async (id) => {
      await attempt(async () => {
        const run = get().firmRuns.find((r) => r.id === id);
        await unwrap(call('firm:deleterun', { id }));
        const { firmRun, firmBaseline } = get();
        set({
          firmRun: firmRun?.id === id ? null : firmRun,
          firmBaseline: firmBaseline?.id === id || firmRun?.id === id ? null : firmBaseline,
        });
        await get().loadFirmRuns();
        const restore = async () => {
          await attempt(async () => {
            await unwrap(call('firm:restorerun', { id }));
            await get().loadFirmRuns();
            await get().openFirmRun(id);
            get().notify({ kind: 'info', message: `Restored the saved run of ${run?.runDate ?? `run ${id}`}.` });
          });
        };
        get().notify({
          kind: 'info',
          message: `Deleted the saved run of ${run?.runDate ?? `run ${id}`}.`,
          action: { label: 'Undo', run: () => void restore() },
        });
      });
    },
    openClientResults: async (portfolioId, scenarioId) => {
      get().selectPortfolio(portfolioId);
      if (scenarioId) await get().selectScenario(scenarioId);
      get().setView('results');
    },

    startProposal: async (portfolioId) => {
      await attempt(async () =>
        set({ proposal: await unwrap(call('proposals:create', { portfolioId, name: 'Proposal' })), comparison: null }),
      );
    },
    openProposal: async (id) => {
      await attempt(async () => set({ proposal: await unwrap(call('proposals:get', { id })), comparison: null }));
    },
    editProposalPosition: (id, patch) => proposalStep(() => unwrap(call('proposals:edit', { id, patch }))),
    addProposalPosition: (input) => proposalStep(() => unwrap(call('proposals:add', { ...input, proposalId: get().proposal!.id }))),
    removeProposalPosition: async (id) => {
      await proposalStep(() => unwrap(call('proposals:remove', { id })));
    },
    compareProposal: async (scenarioIds) => {
      const proposal = get().proposal;
      if (!proposal) return;
      await attempt(async () => set({ comparison: await unwrap(call('proposals:compare', { id: proposal.id, scenarioIds })) }));
    },
    applyProposal: async () =>
      (await attempt(async () => {
        const proposal = get().proposal!;
        const applied = await unwrap(call('proposals:apply', { id: proposal.id }));
        set({ proposal: null, comparison: null });
        await Promise.all([get().loadClientOverview(), get().loadPortfolios()]);
        get().notify({
          kind: 'info',
          message: `Applied the proposal: “${proposal.portfolioName}” now holds ${countOf(applied.positions, 'position')}.`,
          action: {
            label: 'Undo',
            run: () =>
              void get()
                .undoImport(applied.importId, `applying the proposal “${proposal.name}”`)
                .then(() => get().loadClientOverview()),
          },
        });
        return true;
      })) ?? false,
    discardProposal: async () => {
      const proposal = get().proposal;
      if (!proposal) return;
      await attempt(async () => {
        await unwrap(call('proposals:delete', { id: proposal.id }));
        set({ proposal: null, comparison: null });
        get().notify({ kind: 'info', message: 'Discarded the proposal; the holdings were not changed.' });
      });
    },
    closeProposal: () => set({ proposal: null, comparison: null }),
  };
};
