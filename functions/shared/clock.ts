/** The clock is a port: handlers read it, the domain never does. Tests and the local runtime move it. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that tests and the local runtime can set and advance. */
export class AdjustableClock implements Clock {
  private offsetMs = 0;
  private fixed: number | null = null;
  now(): Date {
    return new Date((this.fixed ?? Date.now()) + this.offsetMs);
  }
  set(instant: Date): void {
    this.fixed = null;
    this.offsetMs = instant.getTime() - Date.now();
  }
  freeze(instant: Date): void {
    this.fixed = instant.getTime();
    this.offsetMs = 0;
  }
  advanceDays(days: number): void {
    this.offsetMs += days * 86_400_000;
  }
}
