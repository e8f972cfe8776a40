// A tiny seeded PRNG, so the seeded jobs (ids, contents, time offsets) are identical on every start.
// 32-bit state advanced by a Weyl sequence and scrambled: fast, dependency-free, good enough for fake data.

export type Rng = {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** A version-4-shaped UUID built from the generator (not cryptographic, just unique enough). */
  uuid(): string;
};

export function createRng(seed: number): Rng {
  let state = seed >>> 0;

  function nextUint32(): number {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  }

  function next(): number {
    return nextUint32() / 0x1_0000_0000;
  }

  function int(min: number, max: number): number {
    return min + Math.floor(next() * (max - min + 1));
  }

  function pick<T>(items: readonly T[]): T {
    const item = items[int(0, items.length - 1)];
    if (item === undefined) throw new Error('pick() from an empty list');
    return item;
  }

  function uuid(): string {
    const hex = Array.from({ length: 4 }, () => nextUint32().toString(16).padStart(8, '0')).join(
      '',
    );
    // Set the version (4) and variant (10xx) nibbles so the ids look like real v4 UUIDs.
    const variant = ((parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  }

  return { next, int, chance: (p) => next() < p, pick, uuid };
}
