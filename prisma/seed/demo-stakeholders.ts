import type { OrganisationSize, PublicationPreference, Role, StakeholderType } from "@/lib/generated/prisma/enums";
import { createRandom } from "@/prisma/seed/random";
import type { DemoLanguage } from "@/prisma/seed/demo-texts";

// The demo's stakeholders: one contact person for each (fictional)
// organisation, plus citizens from inside and outside the EU, and two
// moderators who decided on the demo's contributions. All e-mail addresses
// use the reserved .example domain.

type Country = { first: readonly string[]; last: readonly string[]; languages: readonly DemoLanguage[] };

const COUNTRIES: Record<string, Country> = {
  BE: { first: ["Lotte", "Mathieu", "Elise", "Wouter", "Camille"], last: ["Peeters", "Dubois", "Claes", "Lambert", "Janssens"], languages: ["fr", "nl"] },
  FR: { first: ["Claire", "Julien", "Amélie", "Thomas", "Nadia"], last: ["Martin", "Lefèvre", "Moreau", "Benali", "Girard"], languages: ["fr"] },
  DE: { first: ["Lena", "Jonas", "Katharina", "Felix", "Miriam"], last: ["Schneider", "Becker", "Hoffmann", "Wagner", "Krüger"], languages: ["de"] },
  AT: { first: ["Sophie", "Lukas", "Theresa"], last: ["Gruber", "Huber", "Steiner"], languages: ["de"] },
  ES: { first: ["Lucía", "Javier", "Marta", "Pablo", "Carmen"], last: ["García", "Fernández", "López", "Romero", "Navarro"], languages: ["es"] },
  IT: { first: ["Giulia", "Marco", "Chiara", "Luca", "Francesca"], last: ["Rossi", "Bianchi", "Esposito", "Ricci", "Conti"], languages: ["it"] },
  NL: { first: ["Sanne", "Daan", "Femke", "Bram"], last: ["de Vries", "Jansen", "Bakker", "Visser"], languages: ["nl"] },
  PT: { first: ["Inês", "João", "Beatriz", "Tiago"], last: ["Silva", "Santos", "Ferreira", "Costa"], languages: ["pt"] },
  IE: { first: ["Aoife", "Ciarán", "Niamh"], last: ["Murphy", "O'Brien", "Walsh"], languages: ["en"] },
  SE: { first: ["Astrid", "Erik", "Maja"], last: ["Lindqvist", "Johansson", "Berg"], languages: ["en"] },
  FI: { first: ["Aino", "Mikko", "Veera"], last: ["Virtanen", "Korhonen", "Mäkinen"], languages: ["en"] },
  PL: { first: ["Zofia", "Piotr", "Agnieszka"], last: ["Kowalska", "Nowak", "Wiśniewska"], languages: ["en"] },
  GR: { first: ["Eleni", "Nikos", "Katerina"], last: ["Papadopoulou", "Georgiou", "Dimitriou"], languages: ["en"] },
  CZ: { first: ["Tereza", "Jakub"], last: ["Novotná", "Svoboda"], languages: ["en"] },
  JP: { first: ["Yuki", "Haruto", "Aiko", "Kenji", "Sakura"], last: ["Tanaka", "Suzuki", "Watanabe", "Nakamura", "Kobayashi"], languages: ["ja"] },
  CA: { first: ["Olivia", "Liam", "Émilie", "Noah"], last: ["Tremblay", "Roy", "Campbell", "Singh"], languages: ["en", "fr"] },
  AU: { first: ["Charlotte", "Jack", "Mia"], last: ["Wilson", "Nguyen", "Taylor"], languages: ["en"] },
  US: { first: ["Emily", "Michael", "Aaliyah", "Daniel"], last: ["Johnson", "Rodriguez", "Chen", "Williams"], languages: ["en"] },
  GB: { first: ["Hannah", "Oliver"], last: ["Clarke", "Patel"], languages: ["en"] },
  CH: { first: ["Lea", "Noah", "Chloé"], last: ["Meier", "Favre", "Keller"], languages: ["de", "fr"] },
  NO: { first: ["Ingrid", "Henrik"], last: ["Hansen", "Solberg"], languages: ["en"] },
  KR: { first: ["Ji-woo", "Min-jun"], last: ["Kim", "Park"], languages: ["en"] },
  BR: { first: ["Ana", "Rafael", "Juliana"], last: ["Oliveira", "Souza", "Pereira"], languages: ["pt"] },
  IN: { first: ["Priya", "Arjun"], last: ["Sharma", "Iyer"], languages: ["en"] },
  KE: { first: ["Wanjiru", "Otieno"], last: ["Kamau", "Odhiambo"], languages: ["en"] },
  SG: { first: ["Wei Ling", "Arun"], last: ["Tan", "Raj"], languages: ["en"] },
  MX: { first: ["Valeria", "Diego"], last: ["Hernández", "Ramírez"], languages: ["es"] },
};

type Organisation = { name: string; type: StakeholderType; country: string; size: OrganisationSize; domain: string };

const ORGANISATIONS: readonly Organisation[] = [
  { name: "Nordlicht Analytics GmbH", type: "COMPANY", country: "DE", size: "SMALL", domain: "nordlicht-analytics.example" },
  { name: "Brightpath Santé IA SAS", type: "COMPANY", country: "FR", size: "MICRO", domain: "brightpath-sante.example" },
  { name: "Costa Verde Robótica S.L.", type: "COMPANY", country: "ES", size: "MEDIUM", domain: "costaverde-robotica.example" },
  { name: "Lumen Systems B.V.", type: "COMPANY", country: "NL", size: "LARGE", domain: "lumen-systems.example" },
  { name: "Sakura Vision K.K.", type: "COMPANY", country: "JP", size: "LARGE", domain: "sakura-vision.example" },
  { name: "Maple Ledger Technologies Inc.", type: "COMPANY", country: "CA", size: "MEDIUM", domain: "mapleledger.example" },
  { name: "Southern Cross Data Pty Ltd", type: "COMPANY", country: "AU", size: "SMALL", domain: "southerncross-data.example" },
  { name: "Arcadia Cloud Inc.", type: "COMPANY", country: "US", size: "LARGE", domain: "arcadia-cloud.example" },
  { name: "Fiordo Software S.r.l.", type: "COMPANY", country: "IT", size: "MICRO", domain: "fiordo-software.example" },
  { name: "European Digital SME Network", type: "BUSINESS_ASSOCIATION", country: "BE", size: "SMALL", domain: "digital-sme-network.example" },
  { name: "Associazione Imprese del Software Italiane", type: "BUSINESS_ASSOCIATION", country: "IT", size: "SMALL", domain: "aisi.example" },
  { name: "Japan Council for AI Industry", type: "BUSINESS_ASSOCIATION", country: "JP", size: "MEDIUM", domain: "jcai.example" },
  { name: "Nordic Tech Business Council", type: "BUSINESS_ASSOCIATION", country: "SE", size: "SMALL", domain: "nordic-tech-council.example" },
  { name: "Digital Rights Lab", type: "NGO", country: "IE", size: "SMALL", domain: "digitalrightslab.example" },
  { name: "Algorithmic Fairness Watch", type: "NGO", country: "NL", size: "MICRO", domain: "fairness-watch.example" },
  { name: "Fundação Cidadania Digital", type: "NGO", country: "PT", size: "MICRO", domain: "cidadania-digital.example" },
  { name: "AI for Accessibility Coalition", type: "NGO", country: "US", size: "SMALL", domain: "ai-accessibility.example" },
  { name: "Observatoire citoyen du numérique", type: "NGO", country: "FR", size: "MICRO", domain: "observatoire-numerique.example" },
  { name: "Flanders Institute for Responsible AI", type: "ACADEMIC", country: "BE", size: "MEDIUM", domain: "fira.example" },
  { name: "Rheinland Technical University – AI Ethics Lab", type: "ACADEMIC", country: "DE", size: "LARGE", domain: "rtu-ethics.example" },
  { name: "Kyoto Centre for Human–AI Interaction", type: "ACADEMIC", country: "JP", size: "MEDIUM", domain: "kchai.example" },
  { name: "Instituto Andaluz de IA Explicable", type: "ACADEMIC", country: "ES", size: "SMALL", domain: "iaie.example" },
  { name: "Toronto Institute for AI Policy", type: "ACADEMIC", country: "CA", size: "SMALL", domain: "tiap.example" },
  { name: "Helsinki Centre for Data Science Policy", type: "ACADEMIC", country: "FI", size: "MEDIUM", domain: "hcdsp.example" },
  { name: "Wallonia Regional Digital Agency", type: "PUBLIC_AUTHORITY", country: "BE", size: "MEDIUM", domain: "digital-wallonia.example" },
  { name: "City of Tampere – Digital Services", type: "PUBLIC_AUTHORITY", country: "FI", size: "LARGE", domain: "tampere-digital.example" },
  { name: "Lombardy Regional Health Authority", type: "PUBLIC_AUTHORITY", country: "IT", size: "LARGE", domain: "salute-lombardia.example" },
  { name: "Office of the Digital Commissioner, Victoria", type: "PUBLIC_AUTHORITY", country: "AU", size: "MEDIUM", domain: "digital-vic.example" },
  { name: "Municipality of Porto – Innovation Unit", type: "PUBLIC_AUTHORITY", country: "PT", size: "MEDIUM", domain: "porto-inovacao.example" },
  { name: "European Federation of Service Workers", type: "TRADE_UNION", country: "BE", size: "MEDIUM", domain: "efsw.example" },
  { name: "Sindicato de Trabajadores Tecnológicos", type: "TRADE_UNION", country: "ES", size: "SMALL", domain: "stt-sindicato.example" },
  { name: "Gewerkschaft Digitale Arbeit", type: "TRADE_UNION", country: "DE", size: "MEDIUM", domain: "digitale-arbeit.example" },
  { name: "Consumer Voice Europe", type: "CONSUMER_ORGANISATION", country: "BE", size: "SMALL", domain: "consumervoice.example" },
  { name: "Association des consommateurs connectés", type: "CONSUMER_ORGANISATION", country: "FR", size: "MICRO", domain: "consommateurs-connectes.example" },
  { name: "Consumidores Digitais Portugal", type: "CONSUMER_ORGANISATION", country: "PT", size: "MICRO", domain: "consumidores-digitais.example" },
  { name: "Green Compute Alliance", type: "ENVIRONMENTAL_ORGANISATION", country: "DE", size: "SMALL", domain: "green-compute.example" },
  { name: "Climate & Data Initiative", type: "ENVIRONMENTAL_ORGANISATION", country: "SE", size: "MICRO", domain: "climate-data.example" },
  { name: "Ocean Sensing Network", type: "ENVIRONMENTAL_ORGANISATION", country: "AU", size: "SMALL", domain: "ocean-sensing.example" },
  { name: "Open Standards Forum", type: "OTHER", country: "CH", size: "SMALL", domain: "open-standards-forum.example" },
  { name: "Citizens' Assembly Network", type: "OTHER", country: "IE", size: "MICRO", domain: "citizens-assembly.example" },
];

const EU_CITIZEN_COUNTRIES = ["BE", "FR", "DE", "AT", "ES", "IT", "NL", "PT", "IE", "SE", "FI", "PL", "GR", "CZ"];
const NON_EU_CITIZEN_COUNTRIES = ["JP", "CA", "AU", "US", "GB", "CH", "NO", "KR", "BR", "IN", "KE", "SG", "MX"];

// Organisations that lobby the EU institutions usually sit in the Transparency Register.
const REGISTERED_TYPES: ReadonlySet<StakeholderType> = new Set([
  "COMPANY",
  "BUSINESS_ASSOCIATION",
  "NGO",
  "TRADE_UNION",
  "CONSUMER_ORGANISATION",
  "ENVIRONMENTAL_ORGANISATION",
  "OTHER",
]);

export type DemoStakeholder = {
  email: string;
  role: Role;
  locale: string;
  /** Languages this person writes contributions in (the first is preferred). */
  languages: readonly DemoLanguage[];
  profile: {
    displayName: string;
    stakeholderType: StakeholderType;
    organisationName: string | null;
    organisationSize: OrganisationSize | null;
    country: string;
    transparencyRegisterNumber: string | null;
    publicationPreference: PublicationPreference;
  };
};

function asciiSlug(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ".")
    .replace(/^\.|\.$/g, "");
}

/** The demo's stakeholders, the same list on every call. */
export function buildDemoStakeholders(): DemoStakeholder[] {
  const random = createRandom(20_260_611);
  const people: DemoStakeholder[] = [];
  const emails = new Set<string>();

  const person = (countryCode: string, domain: string | null) => {
    const country = COUNTRIES[countryCode];
    if (!country) throw new Error(`No names for country ${countryCode}`);
    for (;;) {
      const first = random.pick(country.first);
      const last = random.pick(country.last);
      const email = `${asciiSlug(first)}.${asciiSlug(last)}@${domain ?? "mail.example"}`;
      if (!emails.has(email)) {
        emails.add(email);
        return { name: countryCode === "JP" || countryCode === "KR" ? `${last} ${first}` : `${first} ${last}`, email, country };
      }
    }
  };

  for (const organisation of ORGANISATIONS) {
    const contact = person(organisation.country, organisation.domain);
    const registered = REGISTERED_TYPES.has(organisation.type) && random.chance(0.65);
    people.push({
      email: contact.email,
      role: "PARTICIPANT",
      locale: contact.country.languages[0] ?? "en",
      languages: contact.country.languages,
      profile: {
        displayName: contact.name,
        stakeholderType: organisation.type,
        organisationName: organisation.name,
        organisationSize: organisation.size,
        country: organisation.country,
        transparencyRegisterNumber: registered
          ? `${String(random.int(100_000, 999_999))}${String(random.int(0, 999_999)).padStart(6, "0")}-${String(random.int(0, 99)).padStart(2, "0")}`
          : null,
        publicationPreference: random.chance(0.9) ? "PUBLIC" : "ANONYMOUS",
      },
    });
  }

  const citizens: Array<[StakeholderType, string]> = [
    ...EU_CITIZEN_COUNTRIES.slice(0, 10).map((country): [StakeholderType, string] => ["EU_CITIZEN", country]),
    ...NON_EU_CITIZEN_COUNTRIES.slice(0, 8).map((country): [StakeholderType, string] => ["NON_EU_CITIZEN", country]),
    ["OTHER", random.pick(EU_CITIZEN_COUNTRIES)],
    ["OTHER", random.pick(NON_EU_CITIZEN_COUNTRIES)],
  ];
  for (const [type, countryCode] of citizens) {
    const citizen = person(countryCode, null);
    people.push({
      email: citizen.email,
      role: "PARTICIPANT",
      locale: citizen.country.languages[0] ?? "en",
      languages: citizen.country.languages,
      profile: {
        displayName: citizen.name,
        stakeholderType: type,
        organisationName: null,
        organisationSize: null,
        country: countryCode,
        transparencyRegisterNumber: null,
        publicationPreference: random.chance(0.5) ? "PUBLIC" : "ANONYMOUS",
      },
    });
  }

  return [...DEMO_MODERATORS, ...people];
}

/** They decided on the demo's contributions; nobody knows their password. */
export const DEMO_MODERATORS: readonly DemoStakeholder[] = ["Elena Marchetti", "Tomas Lindgren"].map((displayName) => ({
  email: `${asciiSlug(displayName)}@moderation.agora.example`,
  role: "MODERATOR",
  locale: "en",
  languages: ["en"],
  profile: {
    displayName,
    stakeholderType: "PUBLIC_AUTHORITY",
    organisationName: "Agora moderation team",
    organisationSize: "SMALL",
    country: "BE",
    transparencyRegisterNumber: null,
    publicationPreference: "PUBLIC",
  },
}));
