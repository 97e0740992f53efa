import { describe, expect, it } from "vitest";
import type { ContributionStatus } from "@/lib/generated/prisma/enums";
import { allowedDecisions, decisionRefusal, needsReason } from "@/lib/contributions/lifecycle/transitions";
import { DECISIONS, type Decision } from "@/lib/moderation/schema";

const STATUSES: ContributionStatus[] = ["PENDING", "APPROVED", "REJECTED", "HIDDEN", "WITHDRAWN"];

describe("moderation decision rules", () => {
  it("offers each status the decisions that apply to it", () => {
    expect(Object.fromEntries(STATUSES.map((status) => [status, allowedDecisions(status)]))).toEqual({
      PENDING: ["APPROVE", "REJECT"],
      APPROVED: ["HIDE"],
      REJECTED: ["APPROVE"],
      HIDDEN: ["RESTORE"],
      WITHDRAWN: [],
    });
  });

  it("refuses exactly the decisions not offered, each with a message", () => {
    for (const status of STATUSES) {
      for (const decision of DECISIONS) {
        const refusal = decisionRefusal(decision, { status, openFlagCount: 0 });
        expect(refusal === null).toBe(allowedDecisions(status).includes(decision));
      }
    }
  });

  it("says which decision applies instead", () => {
    const refusal = (decision: Decision, status: ContributionStatus, openFlagCount = 0) => decisionRefusal(decision, { status, openFlagCount });
    expect(refusal("APPROVE", "APPROVED")).toBe("This contribution is already published.");
    expect(refusal("APPROVE", "APPROVED", 3)).toBe("This contribution is already published. To keep it published despite the reports, dismiss the reports.");
    expect(refusal("REJECT", "APPROVED")).toBe("A published contribution cannot be rejected. Hide it instead.");
    expect(refusal("HIDE", "PENDING")).toBe("A pending contribution is not published yet. Reject it instead of hiding it.");
    expect(refusal("APPROVE", "HIDDEN")).toBe("This contribution is hidden. Restore it to publish it again.");
    expect(refusal("RESTORE", "REJECTED")).toBe("Only a hidden contribution can be restored.");
    expect(refusal("HIDE", "WITHDRAWN")).toBe("The author withdrew this contribution: it can no longer be moderated.");
  });

  it("asks for a reason to reject or hide only", () => {
    expect(DECISIONS.filter(needsReason)).toEqual(["REJECT", "HIDE"]);
  });
});
