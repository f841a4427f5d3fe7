import { describe, expect, it } from 'vitest';
import { joinPorts } from '../../../functions/composition/joinPorts.ts';

class Counter {
  private count = 0;
  increment(): number {
    return ++this.count;
  }
  read(): number {
    return this.count;
  }
}
class Base {
  constructor(private readonly name: string) {}
  greet(): string {
    return `你好，${this.name}`;
  }
}
class Derived extends Base {
  shout(): string {
    return `${this.greet()}！`;
  }
}
class Other {
  read(): number {
    return -1;
  }
}

describe('joining adapters into one object of their ports', () => {
  it('answers each method with its own adapter, whose state it keeps', () => {
    const counter = new Counter();
    const joined = joinPorts(counter, new Derived('甲'));
    expect(joined.increment()).toBe(1);
    expect(joined.increment()).toBe(2);
    expect(counter.read()).toBe(2);
    expect(joined.shout()).toBe('你好，甲！');
    expect(joined.greet()).toBe('你好，甲');
  });

  it('lets the first adapter answer a method two of them have', () => {
    expect(joinPorts(new Counter(), new Other()).read()).toBe(0);
    expect(joinPorts(new Other(), new Counter()).read()).toBe(-1);
  });

  it('carries no constructor and no state of its own', () => {
    const joined = joinPorts(new Counter()) as unknown as Record<string, unknown>;
    expect(Object.keys(joined).sort()).toEqual(['increment', 'read']);
  });
});
