export interface PriorityReviewTimes {
  priority: string;
  waiting: number;
  claimed: number;
  medianSecondsToClaim: number | null;
  p90SecondsToClaim: number | null;
  decided: number;
  medianSecondsToDecision: number | null;
  p90SecondsToDecision: number | null;
}

/** The windows a moderator can look back over, in hours: a day, a week, a month. */
export const REVIEW_WINDOWS = [24, 168, 720] as const;
export type ReviewWindow = (typeof REVIEW_WINDOWS)[number];

/** Bar lengths as a share (0–100) of the longest time shown, so every bar on the chart shares one scale. */
export interface ReviewBars {
  claimMedian: number;
  claimP90: number;
  decisionMedian: number;
  decisionP90: number;
}

export function reviewBars(rows: readonly PriorityReviewTimes[]): Map<string, ReviewBars> {
  const longest = Math.max(1, ...rows.flatMap((row) => [row.p90SecondsToClaim ?? 0, row.p90SecondsToDecision ?? 0]));
  const share = (seconds: number | null) => (seconds === null ? 0 : Math.min(100, (seconds / longest) * 100));
  return new Map(
    rows.map((row) => [
      row.priority,
      {
        claimMedian: share(row.medianSecondsToClaim),
        claimP90: share(row.p90SecondsToClaim),
        decisionMedian: share(row.medianSecondsToDecision),
        decisionP90: share(row.p90SecondsToDecision),
      },
    ]),
  );
}
