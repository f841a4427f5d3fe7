import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { progressBar, runRescore } from '../../../functions/cli/rescoreCommand.ts';
import type { LocalRuntime } from '../../../infra/local/runtime.ts';
import { uscc } from '../../support/builders.ts';
import { collector } from '../../support/collect.ts';
import { postWebhook, startTestRuntime } from '../../support/runtime.ts';

let rt: LocalRuntime;
beforeAll(async () => {
  rt = await startTestRuntime({ poll: true, pollers: 1 });
  rt.clock.freeze(new Date('2026-11-27T02:00:00Z'));
});
afterAll(async () => rt?.stop());

describe('ecocredit rescore', () => {
  it('draws a progress bar', () => {
    expect(progressBar(5, 10, 10)).toBe('[#####-----]  50% 5/10');
    expect(progressBar(0, 0, 4)).toBe('[####] 100% 0/0');
  });

  it('runs the nightly path on the local runtime and prints its summary in Chinese', async () => {
    await postWebhook(rt, {
      type: 'record.created',
      record: {
        eventId: 'R-1',
        subject: { kind: 'enterprise', id: uscc(700) },
        rule: 'PMT_LEDGER',
        occurredOn: '2026-05-01',
        department: '150100-EEB',
        league: '150100',
      },
    });
    await rt.drain();
    const c = collector();
    await runRescore(['--url', rt.url], c.out, {}, 50);
    expect(c.text()).toMatch(/夜间重新评分完成：主体 1 个，快照更新 0 个，其中偏差修复 0 个/);
  });
});
