import { describe, expect, it } from "vitest";
import { canAdminister, canModerate, hasRole } from "@/lib/auth/roles";

describe("role predicates", () => {
  it("orders roles participant < moderator < admin", () => {
    expect(canModerate("PARTICIPANT")).toBe(false);
    expect(canModerate("MODERATOR")).toBe(true);
    expect(canModerate("ADMIN")).toBe(true);
    expect(canAdminister("MODERATOR")).toBe(false);
    expect(canAdminister("ADMIN")).toBe(true);
    expect(hasRole("PARTICIPANT", "PARTICIPANT")).toBe(true);
  });
});
