import type { SeededQuestion } from "@/prisma/seed/demo-consultations";
import { DEMO_TEXTS, type DemoLanguage, type DemoTopic } from "@/prisma/seed/demo-texts";
import type { Random } from "@/prisma/seed/random";

// Pieces shared by the demo's contributions and the synthetic ones made for
// scale tests: text in the author's language, answers that fit the
// consultation's questions. The phase and the public reference come from the
// app's own rules (lib/vocabulary/phases.ts, lib/contributions/reference.ts).

export type Answers = Record<string, string | string[] | number>;

export function composeAnswers(random: Random, questions: readonly SeededQuestion[], language: DemoLanguage, topic: DemoTopic): Answers {
  const answers: Answers = {};
  for (const question of questions) {
    if (!question.required && !random.chance(0.6)) continue;
    switch (question.kind) {
      case "FREE_TEXT":
        answers[question.id] = random.pick(DEMO_TEXTS[language].topics[topic].sentences);
        break;
      case "SINGLE_CHOICE":
        answers[question.id] = random.pick(question.options);
        break;
      case "MULTIPLE_CHOICE":
        answers[question.id] = random.sample(question.options, random.int(1, Math.min(3, question.options.length)));
        break;
      case "SCALE":
        answers[question.id] = random.weighted([
          [1, 1],
          [2, 2],
          [3, 4],
          [4, 4],
          [5, 2],
        ]);
        break;
    }
  }
  return answers;
}

export function composeText(random: Random, language: DemoLanguage, topic: DemoTopic, otherTopics: readonly DemoTopic[]): { title: string; body: string } {
  const texts = DEMO_TEXTS[language];
  const main = texts.topics[topic];
  const paragraphs: string[] = [];
  if (random.chance(0.6)) paragraphs.push(random.pick(texts.openers));
  paragraphs.push(random.sample(main.sentences, random.int(2, main.sentences.length)).join(" "));
  const other = otherTopics.filter((candidate) => candidate !== topic);
  if (other.length > 0 && random.chance(0.35)) paragraphs.push(random.pick(texts.topics[random.pick(other)].sentences));
  if (random.chance(0.5)) paragraphs.push(random.pick(texts.closers));
  return { title: random.pick(main.titles), body: paragraphs.join("\n\n") };
}

/** The language a stakeholder writes in: mostly their own, sometimes English. */
export function pickLanguage(random: Random, languages: readonly DemoLanguage[]): DemoLanguage {
  const own = languages[0] ?? "en";
  if (own === "en") return "en";
  return random.weighted<DemoLanguage>([
    [own, 7],
    [random.pick(languages), 1],
    ["en", 2],
  ]);
}

/** A time uniformly drawn in [from, to]. */
export function timeBetween(random: Random, from: Date, to: Date): Date {
  const span = Math.max(0, to.getTime() - from.getTime());
  // Whole seconds: the database keeps milliseconds, a person's clock does not matter here.
  return new Date(from.getTime() + Math.floor((random.next() * span) / 1000) * 1000);
}
