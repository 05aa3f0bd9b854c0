import { describe, expect, it } from 'vitest';
import { RatingClass } from './cooperative.entity';
import { operatedTwelveMonths, ratingClassFor } from './rating-rules';

describe('ratingClassFor', () => {
  const old = '2015-01-01';
  it.each([
    [49.99, RatingClass.WEAK],
    [50, RatingClass.AVERAGE],
    [64.99, RatingClass.AVERAGE],
    [65, RatingClass.FAIR],
    [79.99, RatingClass.FAIR],
    [80, RatingClass.GOOD],
    [100, RatingClass.GOOD],
    [0, RatingClass.WEAK],
  ])('classes a score of %s as %s', (score, expected) => {
    expect(ratingClassFor(score, old, 2024)).toBe(expected);
  });

  it('leaves a cooperative founded less than 12 months before the year end unrated', () => {
    expect(ratingClassFor(90, '2024-03-01', 2024)).toBe(RatingClass.UNRATED);
    expect(ratingClassFor(90, '2023-12-31', 2024)).toBe(RatingClass.GOOD);
  });

  it('treats a missing score as unrated', () => {
    expect(ratingClassFor(null, old, 2024)).toBe(RatingClass.UNRATED);
  });

  it('counts twelve full months to 31 December', () => {
    expect(operatedTwelveMonths('2023-12-31', 2024)).toBe(true);
    expect(operatedTwelveMonths('2024-01-01', 2024)).toBe(false);
  });
});
