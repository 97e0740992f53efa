import { describe, expect, it } from "vitest";
import { isTimeZone, parseLocalDateTime, timeZoneOptions, utcToZonedTime, zonedTimeToUtc } from "@/lib/vocabulary/time-zones";

const utc = (local: string, zone: string) => {
  const result = zonedTimeToUtc(local, zone);
  return result.ok ? result.date.toISOString() : result.reason;
};

describe("zonedTimeToUtc in Europe/Brussels (daylight saving)", () => {
  it("uses UTC+1 in winter and UTC+2 in summer", () => {
    expect(utc("2026-01-15T09:00", "Europe/Brussels")).toBe("2026-01-15T08:00:00.000Z");
    expect(utc("2026-07-15T09:00", "Europe/Brussels")).toBe("2026-07-15T07:00:00.000Z");
  });

  // 29 March 2026: at 02:00 the clocks jump to 03:00 (01:00 UTC).
  it("is exact on both sides of the spring-forward gap", () => {
    expect(utc("2026-03-29T01:59", "Europe/Brussels")).toBe("2026-03-29T00:59:00.000Z");
    expect(utc("2026-03-29T03:00", "Europe/Brussels")).toBe("2026-03-29T01:00:00.000Z");
  });

  it("refuses a time the clocks skip, rather than moving it", () => {
    expect(utc("2026-03-29T02:00", "Europe/Brussels")).toBe("SKIPPED");
    expect(utc("2026-03-29T02:30", "Europe/Brussels")).toBe("SKIPPED");
    expect(utc("2026-03-29T02:59", "Europe/Brussels")).toBe("SKIPPED");
  });

  // 25 October 2026: at 03:00 the clocks go back to 02:00 (01:00 UTC), so 02:00–02:59 happens twice.
  it("takes the first of a time that happens twice, and is exact around it", () => {
    expect(utc("2026-10-25T01:59", "Europe/Brussels")).toBe("2026-10-24T23:59:00.000Z");
    expect(utc("2026-10-25T02:00", "Europe/Brussels")).toBe("2026-10-25T00:00:00.000Z");
    expect(utc("2026-10-25T02:30", "Europe/Brussels")).toBe("2026-10-25T00:30:00.000Z");
    expect(utc("2026-10-25T03:00", "Europe/Brussels")).toBe("2026-10-25T02:00:00.000Z");
  });

  it("round-trips with utcToZonedTime, both occurrences of the repeated hour showing the same wall time", () => {
    expect(utcToZonedTime(new Date("2026-10-25T00:30:00Z"), "Europe/Brussels")).toBe("2026-10-25T02:30");
    expect(utcToZonedTime(new Date("2026-10-25T01:30:00Z"), "Europe/Brussels")).toBe("2026-10-25T02:30");
    for (const local of ["2026-03-29T01:59", "2026-03-29T03:00", "2026-12-31T23:59", "2027-01-01T00:00"]) {
      const result = zonedTimeToUtc(local, "Europe/Brussels");
      expect(result.ok && utcToZonedTime(result.date, "Europe/Brussels")).toBe(local);
    }
  });
});

describe("zonedTimeToUtc in zones without daylight saving", () => {
  it("uses UTC+9 all year in Asia/Tokyo, across the European change dates too", () => {
    expect(utc("2026-01-15T09:00", "Asia/Tokyo")).toBe("2026-01-15T00:00:00.000Z");
    expect(utc("2026-03-29T02:30", "Asia/Tokyo")).toBe("2026-03-28T17:30:00.000Z");
    expect(utc("2026-10-25T02:30", "Asia/Tokyo")).toBe("2026-10-24T17:30:00.000Z");
    expect(utc("2026-12-01T00:00", "Asia/Tokyo")).toBe("2026-11-30T15:00:00.000Z");
    expect(utcToZonedTime(new Date("2026-11-30T15:00:00Z"), "Asia/Tokyo")).toBe("2026-12-01T00:00");
  });

  it("leaves UTC as it is, and handles half-hour and southern-hemisphere zones", () => {
    expect(utc("2026-06-01T12:00", "UTC")).toBe("2026-06-01T12:00:00.000Z");
    expect(utc("2026-06-01T12:00", "Asia/Kolkata")).toBe("2026-06-01T06:30:00.000Z");
    // Sydney is on summer time (UTC+11) in January and standard time (UTC+10) in July.
    expect(utc("2026-01-10T09:00", "Australia/Sydney")).toBe("2026-01-09T22:00:00.000Z");
    expect(utc("2026-07-10T09:00", "Australia/Sydney")).toBe("2026-07-09T23:00:00.000Z");
  });
});

describe("input checks", () => {
  it("refuses dates that do not exist and malformed values", () => {
    expect(utc("2026-02-29T09:00", "UTC")).toBe("INVALID");
    expect(utc("2026-04-31T09:00", "UTC")).toBe("INVALID");
    expect(utc("2026-01-01T24:00", "UTC")).toBe("INVALID");
    expect(utc("2026-01-01 09:00", "UTC")).toBe("INVALID");
    expect(utc("", "UTC")).toBe("INVALID");
    expect(utc("2028-02-29T09:00", "UTC")).toBe("2028-02-29T09:00:00.000Z");
    expect(parseLocalDateTime("2026-05-06T07:08:09")).toEqual({ year: 2026, month: 5, day: 6, hour: 7, minute: 8, second: 9 });
  });

  it("refuses years outside 2000–2100 and unknown zones", () => {
    expect(utc("1999-12-31T23:00", "UTC")).toBe("OUT_OF_RANGE");
    expect(utc("2101-01-01T00:00", "UTC")).toBe("OUT_OF_RANGE");
    expect(utc("2026-01-01T00:00", "Mars/Olympus_Mons")).toBe("UNKNOWN_ZONE");
  });

  it("accepts IANA names the engine lists or resolves, and nothing else", () => {
    for (const zone of ["Europe/Brussels", "Asia/Tokyo", "America/Argentina/Buenos_Aires", "UTC"]) expect(isTimeZone(zone), zone).toBe(true);
    for (const zone of ["+01:00", "GMT+1", "europe/brussels ", "Europe/Nowhere", "", "../etc/passwd"]) expect(isTimeZone(zone), zone).toBe(false);
    const options = timeZoneOptions();
    expect(options[0]).toBe("UTC");
    expect(options).toContain("Europe/Brussels");
    expect(options.every(isTimeZone)).toBe(true);
  });
});
