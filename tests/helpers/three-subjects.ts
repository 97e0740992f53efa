import type { StakeholderType } from "@/lib/generated/prisma/enums";

/** A contribution's text as the fixtures write it: one language, one stakeholder type. */
export type ThemeDocument = { id: string; reference: string; text: string; language: string; stakeholderType: StakeholderType };

// Contributions about three clearly different subjects, as people would
// write them to a consultation on local policy, plus a few in French.

export type Subject = "cycling" | "privacy" | "farming";

const TYPES: StakeholderType[] = ["EU_CITIZEN", "NGO", "COMPANY", "PUBLIC_AUTHORITY", "ACADEMIC", "TRADE_UNION", "BUSINESS_ASSOCIATION", "CONSUMER_ORGANISATION"];

const TEXTS: Record<Subject, string[]> = {
  cycling: [
    "Protected cycle lanes on the main roads into the city centre would get many more people cycling to work every day.",
    "As a daily cyclist I feel unsafe sharing the road with buses and lorries. Separated bike lanes are the only real answer.",
    "Our association asks for a connected network of cycle lanes, secure bike parking at every train station and lower speed limits in residential streets.",
    "The city should invest in public transport and cycling infrastructure instead of widening roads for cars.",
    "Bike lanes painted on the road are not enough: they need kerbs or bollards so that cars cannot park on them.",
    "Cargo bikes could replace many delivery vans in the city centre if there were enough wide cycle lanes and loading bays.",
    "Please connect the suburbs to the centre with safe cycling routes and frequent buses; many families cannot afford a second car.",
    "Traffic congestion and air pollution fall when people switch from cars to bikes and trams. Cycling infrastructure pays for itself.",
    "Children should be able to cycle to school safely. Traffic-calmed streets and protected bike lanes near schools are urgent.",
    "Bike sharing schemes work well when stations are close to metro and tram stops, with secure parking for private bikes too.",
    "Municipal budgets for road maintenance should reserve a fixed share for cycle lanes, pavements and public transport in the city.",
    "Commuters will only leave their cars at home if cycling is safe and public transport is reliable and affordable.",
  ],
  privacy: [
    "Personal data collected by apps should never be sold to advertisers without the explicit consent of the user.",
    "Companies must tell people clearly what personal data they store, for how long, and who they share it with.",
    "The right to have personal data deleted must be easy to use: one click, not a letter to a data protection officer.",
    "Data protection authorities need more staff and higher fines to enforce the rules against large online platforms.",
    "Tracking cookies and hidden profiling undermine privacy. Consent banners should offer a clear reject button to every user.",
    "Health records and other sensitive personal data require encryption and strict access controls.",
    "Our members, small companies, need simple templates to comply with data protection law without hiring lawyers.",
    "Facial recognition in public spaces is a serious threat to privacy and should be banned, whatever the data it collects.",
    "Users should be able to download their personal data and move it to another online service.",
    "Data breaches must be reported to the people affected within days, not months, with advice on protecting their privacy.",
    "Privacy by design should be mandatory for every new digital public service that processes the personal data of citizens.",
    "The personal data of children deserves special protection: no profiling and no targeted advertising for minors.",
  ],
  farming: [
    "Farm subsidies should reward farmers who protect soil, water and biodiversity rather than simply the number of hectares.",
    "Small family farms receive a tiny share of agricultural subsidies while the largest agribusinesses take most of the money.",
    "Young farmers need support to buy land and start farming; the average age of farmers keeps rising.",
    "The paperwork for agricultural payments is so complicated that many farmers pay consultants to apply for subsidies.",
    "Direct payments per hectare push up land prices and make it harder for new farmers to enter agriculture.",
    "Organic farming deserves higher support because it reduces pesticide use and protects pollinators on farms.",
    "Livestock farmers face rising feed and energy costs; subsidies should help them adapt without cutting animal welfare.",
    "Our cooperative asks for fair prices for farmers so that they depend less on subsidies from the agricultural policy.",
    "Crop rotation, hedgerows and cover crops should be paid for as public goods under the farm subsidy scheme.",
    "Drought is ruining harvests. Farmers need support for irrigation, water storage and drought-resistant crops.",
    "Subsidies for intensive livestock farming harm rivers and soil; the money should support farmers in the transition.",
    "Rural communities depend on farming. Agricultural policy should keep small farms viable and villages alive.",
  ],
};

const FRENCH = [
  "Les politiques publiques doivent financer des pistes cyclables protégées dans toutes les villes.",
  "Les données personnelles des enfants méritent une protection particulière.",
  "Les subventions agricoles devraient soutenir les petites exploitations familiales.",
  "Le vélo reste dangereux sans pistes cyclables séparées de la circulation.",
];

/** The English contributions with their subject, and four French ones (too few to group). */
export function threeSubjectDocuments(): { documents: ThemeDocument[]; subjectOf: Map<string, Subject>; french: string[] } {
  const documents: ThemeDocument[] = [];
  const subjectOf = new Map<string, Subject>();
  let number = 0;
  const add = (text: string, language: string): string => {
    number += 1;
    // Ids unrelated to the order of subjects, like database ids.
    const id = `c${((number * 7919) % 1000).toString().padStart(3, "0")}-${number}`;
    documents.push({ id, reference: `AGR-2026-${String(number).padStart(6, "0")}`, text, language, stakeholderType: TYPES[number % TYPES.length] as StakeholderType });
    return id;
  };
  for (const subject of Object.keys(TEXTS) as Subject[]) {
    for (const text of TEXTS[subject]) subjectOf.set(add(text, "en"), subject);
  }
  const french = FRENCH.map((text) => add(text, "fr"));
  return { documents, subjectOf, french };
}
