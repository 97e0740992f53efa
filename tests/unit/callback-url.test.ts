import { describe, expect, it } from "vitest";
import { safeCallbackUrl } from "@/lib/accounts/callback-url";

describe("safeCallbackUrl", () => {
  it("keeps a path on this site, with its query and fragment", () => {
    expect(safeCallbackUrl("/account")).toBe("/account");
    expect(safeCallbackUrl("/consultations/ai-act?tab=contribute#form")).toBe("/consultations/ai-act?tab=contribute#form");
  });

  it.each(["https://evil.example/", "//evil.example/x", "/\\evil.example", "/\t/evil.example", "\\\\evil.example", "javascript:alert(1)", "account", "", undefined, 42, ["/account"]])(
    "refuses %j and falls back",
    (value) => {
      expect(safeCallbackUrl(value)).toBe("/");
      expect(safeCallbackUrl(value, "/account")).toBe("/account");
    },
  );
});
