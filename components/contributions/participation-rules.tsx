import { MarkdownContent } from "@/components/ui/markdown";

// What applies to every consultation, shown with the rules an administrator
// wrote for this one (markdown, rendered without raw HTML).
const HOUSE_RULES = [
  "Moderators read every contribution before it is published, and publish those that keep to these rules.",
  "Stay on the consultation's subject, and argue with facts and experience rather than against people.",
  "Do not include personal data about anyone else, advertising, or content you have no right to share.",
  "Once approved, your contribution and its files are public, with your name and organisation or anonymously, as you choose below. Your e-mail address is never shown.",
  "While it waits for moderation you can edit it; you can withdraw it at any time.",
];

export function ParticipationRules({ rules }: { rules: string | null }) {
  return (
    <section aria-labelledby="rules-heading" className="rounded-lg border border-slate-300 bg-slate-50 p-5">
      <h2 id="rules-heading" className="text-xl font-bold">
        Participation rules
      </h2>
      {rules ? <MarkdownContent source={rules} className="mt-3" /> : null}
      <ul className="mt-3 list-disc space-y-1 pl-6">
        {HOUSE_RULES.map((rule) => (
          <li key={rule}>{rule}</li>
        ))}
      </ul>
    </section>
  );
}
