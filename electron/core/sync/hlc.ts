// A hybrid logical clock: stamps that follow the wall clock when clocks agree, and still order
// every change after everything its device has seen when clocks are hours apart. A stamp is a
// string that sorts in clock order: 15 digits of milliseconds, 6 of a counter, then the device
// id, which breaks ties so every device picks the same winner.

export interface HlcState {
  wall: number;
  counter: number;
}

const WALL_DIGITS = 15;
const COUNTER_DIGITS = 6;
const STAMP = /^(\d{15})-(\d{6})-([0-9a-f-]{36})$/;

export function formatStamp(s: HlcState, deviceId: string): string {
  return `${String(s.wall).padStart(WALL_DIGITS, '0')}-${String(s.counter).padStart(COUNTER_DIGITS, '0')}-${deviceId}`;
}

export function parseStamp(stamp: string): (HlcState & { device: string }) | null {
  const m = STAMP.exec(stamp);
  if (!m) return null;
  return { wall: Number(m[1]), counter: Number(m[2]), device: m[3] ?? '' };
}

export function isStamp(stamp: string): boolean {
  return STAMP.test(stamp);
}

/** The stamp's wall-clock part in ms; 0 for the empty stamp. */
export function wallOf(stamp: string): number {
  return parseStamp(stamp)?.wall ?? 0;
}

/** Stamps compare as strings; the empty stamp (never changed) sorts first. */
export function compareStamps(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export class HybridClock {
  private state: HlcState;

  constructor(
    state: HlcState,
    private readonly deviceId: string,
    private readonly now: () => number,
  ) {
    this.state = { ...state };
  }

  get current(): HlcState {
    return { ...this.state };
  }

  /** A new stamp for a local change: later than every stamp made or seen here. */
  tick(): string {
    const pt = this.now();
    if (pt > this.state.wall) this.state = { wall: pt, counter: 0 };
    else this.state = { wall: this.state.wall, counter: this.state.counter + 1 };
    return formatStamp(this.state, this.deviceId);
  }

  /** Moves the clock past a stamp received from another device. */
  observe(stamp: string): void {
    const s = parseStamp(stamp);
    if (!s) return;
    if (s.wall > this.state.wall || (s.wall === this.state.wall && s.counter > this.state.counter)) {
      this.state = { wall: s.wall, counter: s.counter };
    }
  }
}
