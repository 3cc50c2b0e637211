import { describe, expect, it } from 'vitest';
import { formatCount, formatRate, formatRupiah, parseRupiah } from './money.ts';

const NBSP = '\u00a0';

describe('formatRupiah', () => {
  it('formats whole rupiah with dots between thousands and no decimals', () => {
    expect(formatRupiah(12_500_000)).toBe(`Rp${NBSP}12.500.000`);
  });

  it('formats zero', () => {
    expect(formatRupiah(0)).toBe(`Rp${NBSP}0`);
  });

  it('formats small and negative amounts', () => {
    expect(formatRupiah(500)).toBe(`Rp${NBSP}500`);
    expect(formatRupiah(-75_000)).toBe(`-Rp${NBSP}75.000`);
  });

  it('formats the largest safe amount and bigints beyond it exactly', () => {
    expect(formatRupiah(Number.MAX_SAFE_INTEGER)).toBe(`Rp${NBSP}9.007.199.254.740.991`);
    expect(formatRupiah(1_000_000_000_000_000_001n)).toBe(`Rp${NBSP}1.000.000.000.000.000.001`);
  });

  it('refuses fractions and unsafe numbers: money is never a float', () => {
    expect(() => formatRupiah(1.5)).toThrow(RangeError);
    expect(() => formatRupiah(Number.MAX_SAFE_INTEGER + 2)).toThrow(RangeError);
    expect(() => formatRupiah(Number.NaN)).toThrow(RangeError);
  });
});

describe('formatCount', () => {
  it('groups digits per language', () => {
    expect(formatCount(8000, 'id')).toBe('8.000');
    expect(formatCount(8000, 'en')).toBe('8,000');
  });
});

describe('parseRupiah', () => {
  it('reads amounts the way people type them', () => {
    expect(parseRupiah('12.500.000')).toBe(12_500_000);
    expect(parseRupiah('Rp 12.500.000')).toBe(12_500_000);
    expect(parseRupiah(' 12500000 ')).toBe(12_500_000);
    expect(parseRupiah('12 500 000')).toBe(12_500_000);
    expect(parseRupiah('0')).toBe(0);
  });
  it('refuses what is not a whole amount', () => {
    expect(parseRupiah('12,5')).toBeUndefined();
    expect(parseRupiah('12.50')).toBeUndefined();
    expect(parseRupiah('-5')).toBeUndefined();
    expect(parseRupiah('')).toBeUndefined();
    expect(parseRupiah('lima')).toBeUndefined();
    expect(parseRupiah('99999999999999999999')).toBeUndefined();
  });
});

describe('formatRate', () => {
  it('writes basis points as a percentage', () => {
    expect(formatRate(1100, 'id')).toBe('11%');
    expect(formatRate(1150, 'id')).toBe('11,5%');
    expect(formatRate(1150, 'en')).toBe('11.5%');
  });
});
