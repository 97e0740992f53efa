// The public reference of a contribution, AGR-<year>-<number>: the year of
// submission (UTC) and the number from the Contribution.referenceNumber
// sequence, padded to six digits and never cut (the millionth one gets seven).
// The demo seed writes the same format (prisma/seed/compose-contribution.ts).

export function formatContributionReference(referenceNumber: number, submittedAt: Date): string {
  if (!Number.isSafeInteger(referenceNumber) || referenceNumber < 1) throw new RangeError(`Not a reference number: ${referenceNumber}`);
  return `AGR-${submittedAt.getUTCFullYear()}-${String(referenceNumber).padStart(6, "0")}`;
}
