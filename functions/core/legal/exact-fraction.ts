/**
 * Exact rational arithmetic on bigints for interest. Interest over several periods and years
 * (with compounding) is summed unrounded and rounded once, half up, on the total; doing that in
 * floating point can turn an exact half cent into 0.4999… and round the wrong way.
 */
export interface Fraction {
  readonly numerator: bigint;
  /** Always positive. */
  readonly denominator: bigint;
}

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

export function fraction(numerator: bigint | number, denominator: bigint | number = 1n): Fraction {
  let n = BigInt(numerator);
  let d = BigInt(denominator);
  if (d === 0n) throw new RangeError('denominator must not be zero');
  if (d < 0n) [n, d] = [-n, -d];
  const g = gcd(n, d);
  return g > 1n ? { numerator: n / g, denominator: d / g } : { numerator: n, denominator: d };
}

export const ZERO: Fraction = fraction(0n);

export function addFractions(a: Fraction, b: Fraction): Fraction {
  return fraction(a.numerator * b.denominator + b.numerator * a.denominator, a.denominator * b.denominator);
}

export function multiplyFractions(a: Fraction, b: Fraction): Fraction {
  return fraction(a.numerator * b.numerator, a.denominator * b.denominator);
}

export function subtractFractions(a: Fraction, b: Fraction): Fraction {
  return addFractions(a, fraction(-b.numerator, b.denominator));
}

export function floorFraction(a: Fraction): bigint {
  const q = a.numerator / a.denominator;
  return a.numerator < 0n && q * a.denominator !== a.numerator ? q - 1n : q;
}

/** Half up (away from zero for negatives, like money.roundHalfUp), exactly. */
export function roundHalfUpFraction(a: Fraction): number {
  const magnitude = fraction(a.numerator < 0n ? -a.numerator : a.numerator, a.denominator);
  const rounded = floorFraction(addFractions(magnitude, fraction(1n, 2n)));
  return Number(a.numerator < 0n ? -rounded : rounded);
}

/**
 * A decimal number given with at most `maxDecimals` decimals (a rate such as 10.15) as an exact
 * fraction; more decimals are refused rather than silently rounded.
 */
export function fractionFromDecimal(value: number, maxDecimals = 4): Fraction {
  const scale = 10 ** maxDecimals;
  const scaled = Math.round(value * scale);
  if (!Number.isFinite(value) || Math.abs(value * scale - scaled) > 1e-6) {
    throw new RangeError(`${value} has more than ${maxDecimals} decimals`);
  }
  return fraction(BigInt(scaled), BigInt(scale));
}
