import { describe, expect, it } from "vitest";
import { formatDate, formatDateRange, formatDateTime } from "@/lib/format";

const instant = new Date("2026-03-01T23:30:00Z");

describe("date formatting", () => {
  it("shows a date and time in the given time zone, labelled", () => {
    expect(formatDateTime(instant, "Asia/Tokyo")).toBe("2 Mar 2026, 08:30 GMT+9");
    expect(formatDateTime(instant, "Europe/Brussels")).toBe("2 Mar 2026, 00:30 CET");
    expect(formatDateTime(instant)).toBe("1 Mar 2026, 23:30 UTC");
  });

  it("shows the calendar day of the time zone", () => {
    expect(formatDate(instant, "Asia/Tokyo")).toBe("2 March 2026");
    expect(formatDate(instant)).toBe("1 March 2026");
  });

  it("shows a range of days in the time zone", () => {
    expect(formatDateRange(new Date("2026-06-10T07:00:00Z"), new Date("2026-06-11T15:00:00Z"), "Europe/Brussels")).toMatch(/^10\s*–\s*11 June 2026$/);
  });
});
