import { vi } from 'vitest';

/** An embedded-metric-format line as CloudWatch reads it. */
export interface EmfLine {
  readonly _aws: {
    readonly Timestamp: number;
    readonly CloudWatchMetrics: readonly {
      readonly Namespace: string;
      readonly Dimensions: readonly (readonly string[])[];
      readonly Metrics: readonly { Name: string; Unit: string }[];
    }[];
  };
  readonly [field: string]: unknown;
}

/** Runs `fn` and returns the EMF lines it printed on stdout (Powertools metrics print there). */
export const captureEmf = async (fn: () => Promise<unknown>): Promise<EmfLine[]> => {
  const lines: string[] = [];
  const write = process.stdout.write.bind(process.stdout);
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array, ...rest: unknown[]) => {
    const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    if (text.includes('"_aws"')) {
      lines.push(...text.split('\n').filter((l) => l.includes('"_aws"')));
      return true;
    }
    return write(chunk, ...(rest as []));
  });
  try {
    await fn();
  } finally {
    spy.mockRestore();
  }
  return lines.map((l) => JSON.parse(l) as EmfLine);
};
