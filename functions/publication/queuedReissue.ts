import type { RescoreMessage } from '../ports/messages.ts';
import type { RepairApplication } from '../ports/store.ts';
import type { CompleteReissue, Reissued } from './repairDecision.ts';

/**
 * The re-issue after an approval (Art 23 ¶2), handed to the rescore worker: the decision is stored
 * with `reissuePending`, and rescoring the subject completes every pending re-issue of it
 * (`ReissuePublished.completePending`) within seconds. So the function that takes the decision
 * carries none of the evaluation; and if the message is lost, the nightly run completes it as well.
 */
export class QueuedReissue implements CompleteReissue {
  constructor(private readonly send: (messages: readonly RescoreMessage[]) => Promise<void>) {}

  async complete(
    app: RepairApplication,
    _at: string,
  ): Promise<{ readonly application: RepairApplication; readonly reissued: Reissued[] }> {
    await this.send([{ type: 'rescore', runId: `repair-${app.id}`, subjects: [app.subject] }]);
    return { application: app, reissued: [] };
  }
}
