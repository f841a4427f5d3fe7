import { describe, expect, it } from 'vitest';
import type { RescoreMessage } from '../../../functions/ports/messages.ts';
import { QueuedReissue } from '../../../functions/publication/queuedReissue.ts';
import { approvedRepair } from '../../support/publication.ts';

describe('the re-issue after an approval, handed to the rescore worker (Art 23 ¶2)', () => {
  const subject = { kind: 'enterprise' as const, id: '91150600MA0Q67890N' };
  const app = approvedRepair({
    id: 'app-1',
    subject,
    eventId: 'RA-1',
    decidedBy: 'staff:league:150600',
    reissuePending: true,
  });

  it('sends the subject to be rescored, which completes its pending re-issues, and answers the decision as stored', async () => {
    const sent: RescoreMessage[] = [];
    const done = await new QueuedReissue(async (m) => void sent.push(...m)).complete(app, '2027-03-10T01:00:00Z');
    expect(sent).toEqual([{ type: 'rescore', runId: 'repair-app-1', subjects: [subject] }]);
    expect(done).toEqual({ application: app, reissued: [] });
    expect(done.application.reissuePending).toBe(true);
  });

  it('fails when the message cannot be sent, so the decision answers that its re-issue is deferred', async () => {
    const failing = new QueuedReissue(async () => {
      throw new Error('SQS unavailable');
    });
    await expect(failing.complete(app, '2027-03-10T01:00:00Z')).rejects.toThrow('SQS unavailable');
  });
});
