import { generateDataSet } from '../../bench/generate.ts';
import { signLocalToken } from '../../functions/adapters/tokenVerifiers.ts';
import { sign } from '../../functions/shared/webhookSignature.ts';
import type { LocalRuntime } from './runtime.ts';

/**
 * `npm start -- --demo`: a realistic data set — a few hundred subjects across the twelve leagues —
 * registered through the API and its records sent through the signed webhook, like a platform would.
 */
export const loadDemoData = async (rt: LocalRuntime, source: string, secret: string, jwtSecret?: string): Promise<{ subjects: number; records: number }> => {
  const data = generateDataSet(300, 3000, 7);
  const token = jwtSecret ? await signLocalToken(jwtSecret, { role: 'region', league: '150000' }) : null;
  if (token)
    for (const s of data.subjects) {
      const { kind, id, ...body } = s;
      await fetch(`${rt.url}/v1/subjects/${kind}/${id}`, { method: 'PUT', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(body) });
    }
  for (let i = 0; i < data.records.length; i += 200) {
    const raw = JSON.stringify({ type: 'records.batch', records: data.records.slice(i, i + 200) });
    const ts = Math.floor(rt.clock.now().getTime() / 1000);
    const id = `demo_${i}`;
    await fetch(`${rt.url}/v1/webhooks/${source}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'webhook-id': id, 'webhook-timestamp': String(ts), 'webhook-signature': sign(secret, id, ts, raw) },
      body: raw,
    });
  }
  return { subjects: data.subjects.length, records: data.records.length };
};
