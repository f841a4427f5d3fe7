/** The intersection of the ports of `P` (a tuple of adapters). */
export type Joined<P extends readonly object[]> = P extends readonly [infer H, ...infer T extends readonly object[]]
  ? H & Joined<T>
  : unknown;

/**
 * One object answering every method of the given adapters, each bound to its own adapter: how a
 * composition root hands a use case that asks for several narrow ports (`SubjectRecordStore &
 * ProfileStore`) exactly the adapters of those ports and nothing else (docs/aws.md "Bundle sizes").
 * When two adapters have a method of the same name, the first one given answers it.
 */
export const joinPorts = <const P extends readonly object[]>(...adapters: P): Joined<P> => {
  const joined: Record<string, unknown> = {};
  for (const adapter of adapters) {
    const methods = adapter as Record<string, unknown>;
    for (
      let proto = Object.getPrototypeOf(adapter);
      proto && proto !== Object.prototype;
      proto = Object.getPrototypeOf(proto)
    )
      for (const name of Object.getOwnPropertyNames(proto)) {
        const method = methods[name];
        if (name !== 'constructor' && !(name in joined) && typeof method === 'function')
          joined[name] = method.bind(adapter);
      }
  }
  return joined as Joined<P>;
};
