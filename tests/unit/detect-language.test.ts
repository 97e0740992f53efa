import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { detectLanguage, effectiveLanguage, MIN_LETTERS_FOR_DETECTION } from "@/lib/language/detect-language";

const corpus = (code: string) => fs.readFileSync(path.join(process.cwd(), "tests/fixtures/languages", `${code}.txt`), "utf8");
const firstParagraph = (code: string) => corpus(code).split(/\n\s*\n/)[0] ?? "";

describe("detectLanguage", () => {
  it("reads a French text declared English as French, confidently", () => {
    expect(detectLanguage(firstParagraph("fr"), "en")).toEqual({ detected: "fr", confident: true, effective: "fr" });
  });

  it.each(["de", "es", "pl", "el", "bg", "fi", "hu", "lt", "sv"])("finds %s in a paragraph declared English", (code) => {
    expect(detectLanguage(firstParagraph(code), "en")).toMatchObject({ detected: code, confident: true, effective: code });
  });

  it("keeps the declared language of a short cover note, without asking the detector", () => {
    for (const note of ["please see attached", "Voir la pièce jointe.", "Siehe Anhang, danke!"]) {
      expect(detectLanguage(note, "en")).toEqual({ detected: null, confident: false, effective: "en" });
    }
    const justShort = "a".repeat(MIN_LETTERS_FOR_DETECTION - 1);
    expect(detectLanguage(`${justShort} 12345 !!! ...`, "de").effective).toBe("de");
  });

  it("keeps Irish and Maltese when declared: the detector cannot tell them", () => {
    for (const code of ["ga", "mt"]) {
      const verdict = detectLanguage(corpus(code), code);
      expect(verdict.confident).toBe(false);
      expect(verdict.effective).toBe(code);
    }
  });

  it("keeps the declared language of mixed-language boilerplate", () => {
    const boilerplate =
      "Please find attached our position paper. Veuillez trouver ci-joint notre prise de position. Anbei finden Sie unsere Stellungnahme.";
    const verdict = detectLanguage(boilerplate, "en");
    expect(verdict.effective).toBe("en");
    expect(verdict.confident && verdict.detected !== "en").toBe(false);
  });

  it("says nothing for text without letters", () => {
    expect(detectLanguage("1234567890 ".repeat(20), "it")).toEqual({ detected: null, confident: false, effective: "it" });
    expect(detectLanguage("", "it")).toEqual({ detected: null, confident: false, effective: "it" });
  });
});

describe("effectiveLanguage", () => {
  it("is the detected language only when confident", () => {
    expect(effectiveLanguage("en", "fr", true)).toBe("fr");
    expect(effectiveLanguage("en", "fr", false)).toBe("en");
    expect(effectiveLanguage("en", null, true)).toBe("en");
  });
});
