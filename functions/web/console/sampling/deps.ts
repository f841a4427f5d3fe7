import type { SamplingList } from '../../../results-use/samplingList.ts';

/** What the console's 双随机 sampling list uses (Art 28). */
export interface SamplingConsoleDeps {
  readonly sampling: { readonly list: SamplingList };
}
