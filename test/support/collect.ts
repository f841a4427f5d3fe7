import { Writable } from 'node:stream';

/** A writable that keeps what a command printed. */
export const collector = () => {
  const chunks: string[] = [];
  const out = new Writable({
    write(chunk, _enc, cb) {
      chunks.push(String(chunk));
      cb();
    },
  });
  return { out, text: () => chunks.join('') };
};
