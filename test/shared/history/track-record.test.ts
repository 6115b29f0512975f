import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { backtestSentence } from '../../../shared/history/backtest-runs';
import { PROPAGATION_MODEL } from '../../../shared/history/estimator';
import { TRACK_RECORD, TRACK_RECORD_METHOD, TRACK_RECORD_RAN_ON } from '../../../renderer/src/track-record';

const file = JSON.parse(fs.readFileSync(path.join(__dirname, '../../../resources/backtest-summary.json'), 'utf8'));

describe('the track-record sentence the Results banner and the report quote', () => {
  it('reads as the issue asks for, from the figures it is given', () => {
    const overall = { days: 63, pairs: 1500, mae: 0.0212, maeZero: 0.0498, maeBeta: 0.03, coverage: 0.9391 };
    expect(backtestSentence({ from: '2021-02-25', overall })).toBe(
      'On 63 stress days since 2021, moves estimated this way were off by 2.1 points on average (assuming no move: 5.0); the band contained the actual move 94% of the time.',
    );
  });

  it('is built from resources/backtest-summary.json, which says when it was run', () => {
    expect(file.format).toBe('aftershock-backtest-summary');
    expect(TRACK_RECORD_RAN_ON).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(TRACK_RECORD_RAN_ON).toBe(file.ranOn);
    expect(TRACK_RECORD).toBe(backtestSentence(file));
    expect(TRACK_RECORD).toContain(`On ${file.overall.days} stress days since ${file.from.slice(0, 4)}`);
    expect(TRACK_RECORD).toContain(`off by ${(file.overall.mae * 100).toFixed(1)} points`);
    expect(TRACK_RECORD).toContain(`${Math.round(file.overall.coverage * 100)}% of the time`);
    expect(TRACK_RECORD_METHOD).toContain(`a ${file.model.halfLife}-day half-life`);
    expect(TRACK_RECORD_METHOD).toContain(`at least ${file.model.minObservations}`);
  });

  it('was derived with the model the product uses (rerun scripts/derive-backtest.mjs after changing it)', () => {
    expect(file.model).toEqual(PROPAGATION_MODEL);
  });

  it('meets the issue’s targets on the bundled data', () => {
    const { overall, checks } = file;
    expect(overall.mae).toBeLessThanOrEqual(0.5 * overall.maeZero);
    expect(overall.mae).toBeLessThanOrEqual(0.85 * overall.maeBeta);
    expect(overall.coverage).toBeGreaterThanOrEqual(0.9);
    expect(overall.coverage).toBeLessThanOrEqual(0.97);
    expect(checks[0].date).toBe('2025-01-27');
    expect(checks[0].totals.mae).toBeLessThanOrEqual(0.02);
  });
});
