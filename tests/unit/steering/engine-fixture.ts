import type { StakeholderType } from "@/lib/generated/prisma/enums";
import { mulberry32 } from "@/lib/random";
import type { FoundThemes } from "@/lib/summaries/steering/apply-steering";
import { fromEngine } from "@/lib/summaries/theme-job/compute-consultation-themes";
import type { EngineResult, ThemeInput } from "@/lib/summaries/themes/engine/types";

// A small consultation the engine finds three themes in (biometrics,
// sandboxes, standards), a campaign of identical letters among them, and
// the engine's result as a summary holds it before steering.

// Each subject's sentences are put together from three lists of pieces,
// one list a line, pieces separated by "|".
const PIECES = {
  biometrics: `Remote biometric identification|Facial recognition in public spaces|Real-time facial recognition|Biometric surveillance by the police
    must be banned|should be prohibited|needs strict limits|must stay exceptional
    because it ends anonymity in the street|since it chills peaceful protest|as error rates are higher for women|because faces cannot be changed like passwords`,
  sandboxes: `Regulatory sandboxes|A national sandbox programme|Supervised testing environments|Sandboxes run by the authorities
    should be open to start-ups|must have simple entry criteria|need enough staff|should give legal certainty
    so that innovators can test with real users|because small firms cannot wait for guidance|since testing in the field reveals real risks|as regulators learn from every pilot`,
  standards: `Harmonised standards|Conformity assessment|The standardisation request|Technical standards for high-risk systems
    must be ready in time|should be free of charge|need civil society at the table|must cover robustness and accuracy
    because notified bodies need common benchmarks|since certification costs weigh on providers|as self-assessment is not enough for critical uses|because the deadlines are close`,
} as const;
export type Subject = keyof typeof PIECES;
const TYPES: StakeholderType[] = ["EU_CITIZEN", "NGO", "COMPANY", "ACADEMIC", "BUSINESS_ASSOCIATION"];
const slots = (subject: Subject): string[][] => PIECES[subject].split("\n").map((line) => line.trim().split("|"));

export function engineDocuments(perSubject = 12, seed = 7): ThemeInput[] {
  const random = mulberry32(seed);
  const pick = (list: readonly string[]) => list[Math.floor(random() * list.length)] as string;
  const sentence = (subject: Subject) => `${slots(subject).map(pick).join(" ")}.`;
  const documents: ThemeInput[] = [];
  const add = (text: string, groupId: string | null = null) => {
    const n = documents.length + 1;
    const id = `d${String((n * 37) % 1000).padStart(3, "0")}-${n}`;
    documents.push({
      id,
      reference: `AGR-2026-${String(n).padStart(6, "0")}`,
      stakeholderType: TYPES[n % TYPES.length] as StakeholderType,
      groupId,
      parts: [
        { text: `Contribution ${n}`, language: "en", source: { kind: "title" } },
        { text, language: "en", source: { kind: "body" } },
      ],
    });
  };
  for (const subject of Object.keys(PIECES) as Subject[]) {
    for (let i = 0; i < perSubject; i += 1) add(Array.from({ length: 3 }, () => sentence(subject)).join(" "));
  }
  const letter = Array.from({ length: 3 }, () => sentence("standards")).join(" ");
  for (let i = 0; i < 5; i += 1) add(letter, "campaign");
  add("Kind regards.");
  return documents;
}

/** The engine's result as a summary before steering: nothing steered yet. */
export function foundFrom(result: EngineResult): FoundThemes {
  const { summary, placements } = fromEngine(result);
  return { summary, placements: new Map(Object.entries(placements)) };
}
