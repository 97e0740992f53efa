// What the demo's stakeholders write, in their own languages. Bodies are
// assembled from these sentences by the seeded PRNG, so every contribution
// reads like something a person wrote about the consultation's topics.

export const DEMO_LANGUAGES = ["en", "fr", "de", "es", "it", "ja", "pt", "nl"] as const;
export type DemoLanguage = (typeof DEMO_LANGUAGES)[number];

export const DEMO_TOPICS = ["transparency", "sme", "research", "skills", "health", "publicServices", "cooperation"] as const;
export type DemoTopic = (typeof DEMO_TOPICS)[number];

type TopicText = { titles: readonly string[]; sentences: readonly string[] };
type LanguageText = { openers: readonly string[]; closers: readonly string[]; topics: Record<DemoTopic, TopicText> };

export const DEMO_TEXTS: Record<DemoLanguage, LanguageText> = {
  en: {
    openers: [
      "We welcome the opportunity to contribute to this consultation.",
      "Our comments are based on three years of deploying AI systems with public and private partners.",
      "Speaking as a member of the public, I would like to share a few concerns.",
      "We have consulted our members before submitting this response.",
    ],
    closers: [
      "We would be glad to present these points in more detail at the conference.",
      "Clear, practical guidance published early would make the biggest difference.",
      "Thank you for taking citizens' views into account.",
      "We remain available for any follow-up questions from the organisers.",
    ],
    topics: {
      transparency: {
        titles: ["Transparency obligations must be understandable", "Explainability for the people affected, not only for auditors"],
        sentences: [
          "People who are affected by an automated decision should be told, in plain language, that an AI system was involved.",
          "Documentation requirements are useful only if the information reaches the people who need it.",
          "A public register of high-risk systems used by public bodies would build trust far more than technical disclosures.",
          "Labelling of AI-generated content should follow one common standard rather than a patchwork of national rules.",
        ],
      },
      sme: {
        titles: ["Reduce the compliance burden on small companies", "SMEs need templates, not more paperwork"],
        sentences: [
          "For a company of twelve people, the cost of a conformity assessment can exceed the budget of the entire product.",
          "Free templates for technical documentation and risk management would save small providers months of work.",
          "Regulatory sandboxes should be open to start-ups in every Member State, with short and predictable application procedures.",
          "Fees for notified bodies should be proportionate to the size of the company.",
        ],
      },
      research: {
        titles: ["Protect open research while managing risks", "Access to computing power for public research"],
        sentences: [
          "The research exemption must remain clear so that universities can keep testing models in real conditions.",
          "Public researchers need affordable access to large-scale computing infrastructure and high-quality datasets.",
          "Open-source models have been essential for independent evaluation and should not be discouraged.",
          "Funding for reproducibility studies would help regulators rely on evidence rather than vendor claims.",
        ],
      },
      skills: {
        titles: ["Invest in AI literacy for workers", "Skills for the public sector workforce"],
        sentences: [
          "Workers should be consulted before AI tools are introduced in their workplace and trained to use them.",
          "AI literacy obligations will only work if affordable training is available in every language.",
          "Teachers need time and support to understand the tools their pupils are already using.",
          "Reskilling programmes should target the occupations most exposed to automation first.",
        ],
      },
      health: {
        titles: ["Health data: trust comes before sharing", "Clinical AI needs evidence from real hospitals"],
        sentences: [
          "Patients must keep control over how their health data is reused for training AI models.",
          "The European Health Data Space should make secondary use of data possible without weakening safeguards.",
          "Diagnostic tools should be evaluated on data from the populations where they will be used.",
          "Hospitals need clear rules on liability when a clinician follows or overrides an AI recommendation.",
        ],
      },
      publicServices: {
        titles: ["Human oversight in public services", "AI in public administration must remain accountable"],
        sentences: [
          "Any citizen should be able to reach a human official when an automated system decides on a benefit or a permit.",
          "Public bodies should publish impact assessments before deploying AI in social services.",
          "Procurement rules should require suppliers to give authorities full access to documentation and logs.",
          "Municipalities need shared guidance so that small administrations do not have to reinvent the same safeguards.",
        ],
      },
      cooperation: {
        titles: ["International cooperation on AI standards", "Towards interoperable rules with partner countries"],
        sentences: [
          "Alignment with partners such as Japan, Canada, Australia and the United States would reduce duplicate audits.",
          "Mutual recognition of conformity assessments should be a priority of the dialogue with like-minded partners.",
          "International standards bodies should include civil society and researchers, not only industry.",
          "Shared incident reporting between jurisdictions would help detect systemic risks earlier.",
        ],
      },
    },
  },
  fr: {
    openers: [
      "Nous saluons l'ouverture de cette consultation.",
      "En tant que citoyenne, je souhaite partager quelques préoccupations.",
      "Notre association a consulté ses membres avant de répondre.",
    ],
    closers: [
      "Nous serions heureux de présenter ces propositions lors de la conférence.",
      "Des lignes directrices claires et publiées tôt feraient toute la différence.",
      "Merci de prendre en compte l'avis des citoyens.",
    ],
    topics: {
      transparency: {
        titles: ["La transparence doit être compréhensible", "Expliquer les décisions automatisées aux personnes concernées"],
        sentences: [
          "Toute personne concernée par une décision automatisée devrait en être informée dans un langage clair.",
          "Un registre public des systèmes à haut risque utilisés par les administrations renforcerait la confiance.",
          "L'étiquetage des contenus générés par l'IA doit reposer sur une norme commune européenne.",
        ],
      },
      sme: {
        titles: ["Alléger la charge pour les PME", "Des modèles de documentation gratuits pour les petites entreprises"],
        sentences: [
          "Pour une jeune entreprise, le coût d'une évaluation de conformité peut dépasser le budget du produit lui-même.",
          "Des modèles gratuits de documentation technique feraient gagner des mois de travail aux PME.",
          "Les bacs à sable réglementaires doivent être accessibles aux start-up dans tous les États membres.",
        ],
      },
      research: {
        titles: ["Préserver la recherche ouverte", "Un accès équitable à la puissance de calcul"],
        sentences: [
          "L'exemption pour la recherche doit rester claire afin que les laboratoires publics puissent tester leurs modèles.",
          "Les chercheurs ont besoin d'un accès abordable aux infrastructures de calcul et à des jeux de données de qualité.",
          "Les modèles ouverts sont indispensables à une évaluation indépendante.",
        ],
      },
      skills: {
        titles: ["Former les travailleurs à l'IA", "Des compétences numériques pour tous"],
        sentences: [
          "Les salariés doivent être consultés avant l'introduction d'outils d'IA sur leur lieu de travail.",
          "La formation à l'IA doit être proposée gratuitement et dans toutes les langues de l'Union.",
          "Les enseignants ont besoin de temps et d'accompagnement pour comprendre ces outils.",
        ],
      },
      health: {
        titles: ["Données de santé : la confiance d'abord", "L'IA clinique doit faire ses preuves à l'hôpital"],
        sentences: [
          "Les patients doivent garder la maîtrise de la réutilisation de leurs données de santé.",
          "Les outils de diagnostic doivent être évalués sur des données représentatives des patients européens.",
          "Les règles de responsabilité en cas d'erreur d'un système d'aide à la décision médicale restent floues.",
        ],
      },
      publicServices: {
        titles: ["Garder l'humain dans les services publics", "Une administration responsable de ses algorithmes"],
        sentences: [
          "Chaque usager doit pouvoir s'adresser à un agent humain lorsqu'un système automatisé statue sur ses droits.",
          "Les administrations devraient publier une analyse d'impact avant de déployer l'IA dans l'action sociale.",
          "Les petites communes ont besoin d'un accompagnement commun pour appliquer ces garanties.",
        ],
      },
      cooperation: {
        titles: ["Coopération internationale sur les normes", "Vers une reconnaissance mutuelle avec nos partenaires"],
        sentences: [
          "Un alignement avec le Japon, le Canada, l'Australie et les États-Unis éviterait des audits en double.",
          "La reconnaissance mutuelle des évaluations de conformité devrait être une priorité du dialogue.",
          "La société civile doit avoir sa place dans les organismes internationaux de normalisation.",
        ],
      },
    },
  },
  de: {
    openers: [
      "Wir begrüßen die Möglichkeit, zu dieser Konsultation beizutragen.",
      "Als Bürger möchte ich auf einige Punkte aufmerksam machen.",
      "Unsere Stellungnahme beruht auf einer Umfrage unter unseren Mitgliedern.",
    ],
    closers: [
      "Gerne erläutern wir diese Punkte auf der Konferenz ausführlicher.",
      "Frühzeitig veröffentlichte, praxisnahe Leitlinien würden am meisten helfen.",
      "Vielen Dank für die Berücksichtigung unserer Anmerkungen.",
    ],
    topics: {
      transparency: {
        titles: ["Transparenz muss verständlich sein", "Erklärbarkeit für Betroffene"],
        sentences: [
          "Betroffene sollten in einfacher Sprache erfahren, dass ein KI-System an einer Entscheidung beteiligt war.",
          "Ein öffentliches Register der von Behörden eingesetzten Hochrisiko-Systeme würde Vertrauen schaffen.",
          "Die Kennzeichnung KI-generierter Inhalte sollte einem einheitlichen europäischen Standard folgen.",
        ],
      },
      sme: {
        titles: ["Bürokratie für kleine Unternehmen abbauen", "KMU brauchen Vorlagen statt Formulare"],
        sentences: [
          "Für ein Unternehmen mit zwölf Beschäftigten können die Kosten einer Konformitätsbewertung das gesamte Produktbudget übersteigen.",
          "Kostenlose Vorlagen für die technische Dokumentation würden kleinen Anbietern Monate an Arbeit ersparen.",
          "Reallabore sollten Start-ups in allen Mitgliedstaaten mit einfachen Verfahren offenstehen.",
        ],
      },
      research: {
        titles: ["Offene Forschung schützen", "Rechenkapazität für die öffentliche Forschung"],
        sentences: [
          "Die Forschungsausnahme muss klar bleiben, damit Hochschulen Modelle unter realen Bedingungen erproben können.",
          "Öffentliche Forschung braucht bezahlbaren Zugang zu Hochleistungsrechnern und hochwertigen Datensätzen.",
          "Offene Modelle sind für eine unabhängige Bewertung unverzichtbar.",
        ],
      },
      skills: {
        titles: ["KI-Kompetenz für Beschäftigte", "Weiterbildung im öffentlichen Dienst"],
        sentences: [
          "Beschäftigte und Betriebsräte sollten vor der Einführung von KI-Werkzeugen beteiligt werden.",
          "Weiterbildungsangebote zur KI müssen in allen Sprachen und kostenlos verfügbar sein.",
          "Lehrkräfte brauchen Zeit und Unterstützung, um die Werkzeuge ihrer Schülerinnen und Schüler zu verstehen.",
        ],
      },
      health: {
        titles: ["Gesundheitsdaten: erst Vertrauen, dann Teilen", "Klinische KI braucht Evidenz aus der Praxis"],
        sentences: [
          "Patientinnen und Patienten müssen die Kontrolle über die Weiterverwendung ihrer Gesundheitsdaten behalten.",
          "Diagnosesysteme sollten mit Daten aus der Bevölkerung geprüft werden, in der sie eingesetzt werden.",
          "Krankenhäuser brauchen klare Haftungsregeln, wenn Ärzte einer KI-Empfehlung folgen oder widersprechen.",
        ],
      },
      publicServices: {
        titles: ["Menschliche Aufsicht in der Verwaltung", "Verantwortung für Algorithmen im öffentlichen Sektor"],
        sentences: [
          "Bürgerinnen und Bürger müssen jederzeit eine zuständige Person erreichen können, wenn ein System über Leistungen entscheidet.",
          "Behörden sollten vor dem Einsatz von KI eine Folgenabschätzung veröffentlichen.",
          "Vergaberegeln sollten Anbieter verpflichten, Dokumentation und Protokolle vollständig offenzulegen.",
        ],
      },
      cooperation: {
        titles: ["Internationale Zusammenarbeit bei Normen", "Gegenseitige Anerkennung mit Partnerländern"],
        sentences: [
          "Eine Abstimmung mit Japan, Kanada, Australien und den USA würde doppelte Prüfungen vermeiden.",
          "Die gegenseitige Anerkennung von Konformitätsbewertungen sollte Priorität haben.",
          "Internationale Normungsgremien sollten auch Zivilgesellschaft und Wissenschaft einbinden.",
        ],
      },
    },
  },
  es: {
    openers: [
      "Agradecemos la oportunidad de participar en esta consulta.",
      "Como ciudadano, quiero compartir algunas preocupaciones.",
      "Nuestra organización ha consultado a sus socios antes de responder.",
    ],
    closers: [
      "Estaremos encantados de presentar estas propuestas durante la conferencia.",
      "Unas directrices claras y publicadas con antelación marcarían la diferencia.",
      "Gracias por tener en cuenta la opinión de la ciudadanía.",
    ],
    topics: {
      transparency: {
        titles: ["Una transparencia comprensible", "Explicar las decisiones automatizadas a las personas afectadas"],
        sentences: [
          "Las personas afectadas por una decisión automatizada deben ser informadas en un lenguaje claro.",
          "Un registro público de los sistemas de alto riesgo usados por la administración generaría confianza.",
          "El etiquetado de contenidos generados por IA debería seguir una norma europea común.",
        ],
      },
      sme: {
        titles: ["Reducir la carga para las pymes", "Plantillas gratuitas para pequeñas empresas"],
        sentences: [
          "Para una pequeña empresa, el coste de una evaluación de conformidad puede superar el presupuesto del producto.",
          "Unas plantillas gratuitas de documentación técnica ahorrarían meses de trabajo a las pymes.",
          "Los espacios controlados de pruebas deben estar abiertos a las empresas emergentes de todos los Estados miembros.",
        ],
      },
      research: {
        titles: ["Proteger la investigación abierta", "Acceso a capacidad de cálculo para la investigación pública"],
        sentences: [
          "La excepción para la investigación debe ser clara para que las universidades puedan probar modelos en condiciones reales.",
          "Los investigadores necesitan acceso asequible a infraestructuras de supercomputación y a datos de calidad.",
          "Los modelos abiertos son esenciales para una evaluación independiente.",
        ],
      },
      skills: {
        titles: ["Formación en IA para los trabajadores", "Competencias digitales en el sector público"],
        sentences: [
          "Los trabajadores deben ser consultados antes de introducir herramientas de IA en su puesto de trabajo.",
          "La alfabetización en IA solo funcionará si hay formación gratuita en todas las lenguas.",
          "El profesorado necesita tiempo y apoyo para comprender estas herramientas.",
        ],
      },
      health: {
        titles: ["Datos sanitarios: primero la confianza", "La IA clínica necesita pruebas en hospitales reales"],
        sentences: [
          "Los pacientes deben mantener el control sobre la reutilización de sus datos de salud.",
          "Las herramientas de diagnóstico deben validarse con datos de la población en la que se utilizarán.",
          "Los hospitales necesitan reglas claras de responsabilidad cuando un médico sigue una recomendación de la IA.",
        ],
      },
      publicServices: {
        titles: ["Supervisión humana en los servicios públicos", "Una administración responsable de sus algoritmos"],
        sentences: [
          "Cualquier ciudadano debe poder hablar con un funcionario cuando un sistema automatizado decide sobre una ayuda.",
          "Las administraciones deberían publicar una evaluación de impacto antes de usar la IA en servicios sociales.",
          "Los pequeños municipios necesitan orientaciones comunes para aplicar estas garantías.",
        ],
      },
      cooperation: {
        titles: ["Cooperación internacional en normas de IA", "Hacia el reconocimiento mutuo con países socios"],
        sentences: [
          "La alineación con Japón, Canadá, Australia y Estados Unidos evitaría auditorías duplicadas.",
          "El reconocimiento mutuo de las evaluaciones de conformidad debería ser una prioridad del diálogo.",
          "Los organismos internacionales de normalización deben incluir a la sociedad civil.",
        ],
      },
    },
  },
  it: {
    openers: [
      "Accogliamo con favore l'apertura di questa consultazione.",
      "Come cittadina, desidero condividere alcune preoccupazioni.",
      "La nostra associazione ha consultato i propri iscritti prima di rispondere.",
    ],
    closers: [
      "Saremo lieti di illustrare queste proposte durante la conferenza.",
      "Linee guida chiare e pubblicate per tempo farebbero la differenza.",
      "Grazie per l'attenzione dedicata al parere dei cittadini.",
    ],
    topics: {
      transparency: {
        titles: ["Una trasparenza comprensibile", "Spiegare le decisioni automatizzate alle persone interessate"],
        sentences: [
          "Chi è interessato da una decisione automatizzata deve esserne informato con un linguaggio semplice.",
          "Un registro pubblico dei sistemi ad alto rischio usati dalla pubblica amministrazione rafforzerebbe la fiducia.",
          "L'etichettatura dei contenuti generati dall'IA dovrebbe seguire uno standard europeo comune.",
        ],
      },
      sme: {
        titles: ["Ridurre gli oneri per le PMI", "Modelli gratuiti per le piccole imprese"],
        sentences: [
          "Per una piccola impresa il costo di una valutazione di conformità può superare il budget dell'intero prodotto.",
          "Modelli gratuiti per la documentazione tecnica farebbero risparmiare mesi di lavoro alle PMI.",
          "Gli spazi di sperimentazione normativa devono essere aperti alle start-up di tutti gli Stati membri.",
        ],
      },
      research: {
        titles: ["Tutelare la ricerca aperta", "Capacità di calcolo per la ricerca pubblica"],
        sentences: [
          "L'esenzione per la ricerca deve restare chiara affinché le università possano sperimentare in condizioni reali.",
          "I ricercatori hanno bisogno di un accesso sostenibile alle infrastrutture di calcolo e a dati di qualità.",
          "I modelli aperti sono indispensabili per una valutazione indipendente.",
        ],
      },
      skills: {
        titles: ["Competenze sull'IA per i lavoratori", "Formazione per il personale pubblico"],
        sentences: [
          "I lavoratori devono essere consultati prima dell'introduzione di strumenti di IA sul posto di lavoro.",
          "La formazione sull'IA deve essere gratuita e disponibile in tutte le lingue.",
          "Gli insegnanti hanno bisogno di tempo e supporto per comprendere questi strumenti.",
        ],
      },
      health: {
        titles: ["Dati sanitari: prima la fiducia", "L'IA clinica deve essere validata negli ospedali"],
        sentences: [
          "I pazienti devono mantenere il controllo sul riutilizzo dei propri dati sanitari.",
          "Gli strumenti diagnostici devono essere validati su dati rappresentativi della popolazione europea.",
          "Gli ospedali hanno bisogno di regole chiare sulla responsabilità quando un medico segue un suggerimento dell'IA.",
        ],
      },
      publicServices: {
        titles: ["Supervisione umana nei servizi pubblici", "Un'amministrazione responsabile dei propri algoritmi"],
        sentences: [
          "Ogni cittadino deve poter parlare con un funzionario quando un sistema automatizzato decide su un sussidio.",
          "Le amministrazioni dovrebbero pubblicare una valutazione d'impatto prima di usare l'IA nei servizi sociali.",
          "I piccoli comuni hanno bisogno di indicazioni comuni per applicare queste garanzie.",
        ],
      },
      cooperation: {
        titles: ["Cooperazione internazionale sugli standard", "Verso il riconoscimento reciproco con i paesi partner"],
        sentences: [
          "Un allineamento con Giappone, Canada, Australia e Stati Uniti eviterebbe verifiche duplicate.",
          "Il riconoscimento reciproco delle valutazioni di conformità dovrebbe essere una priorità del dialogo.",
          "Gli organismi di normazione internazionali devono coinvolgere anche la società civile.",
        ],
      },
    },
  },
  ja: {
    openers: [
      "本意見募集に参加する機会をいただき、感謝いたします。",
      "一市民として、いくつかの懸念をお伝えしたいと思います。",
      "当団体では会員企業への調査を踏まえて意見をまとめました。",
    ],
    closers: [
      "会議の場でこれらの提案について詳しくご説明できれば幸いです。",
      "早い段階で分かりやすい指針が示されることを期待します。",
      "市民の声に耳を傾けていただき、ありがとうございます。",
    ],
    topics: {
      transparency: {
        titles: ["分かりやすい透明性の確保を", "影響を受ける人への説明責任"],
        sentences: [
          "自動化された判断の影響を受ける人には、AIが関与したことを平易な言葉で伝えるべきです。",
          "行政機関が利用する高リスクAIの公開登録簿は、信頼の向上につながります。",
          "生成AIによるコンテンツの表示は、国際的に共通の基準に基づくべきです。",
        ],
      },
      sme: {
        titles: ["中小企業の負担軽減を", "中小企業向けのひな形の提供"],
        sentences: [
          "小規模な企業にとって、適合性評価の費用は製品開発の予算を上回ることがあります。",
          "技術文書のひな形を無償で提供すれば、中小企業の負担は大きく軽減されます。",
          "規制のサンドボックスは、スタートアップが簡単な手続きで利用できるようにすべきです。",
        ],
      },
      research: {
        titles: ["オープンな研究の保護", "公的研究のための計算資源"],
        sentences: [
          "大学が実環境でモデルを検証できるよう、研究目的の適用除外を明確にしてください。",
          "公的研究機関には、手頃な費用で大規模計算基盤と質の高いデータを利用できる環境が必要です。",
          "オープンなモデルは、独立した評価に欠かせません。",
        ],
      },
      skills: {
        titles: ["働く人のAIリテラシー向上", "公務員のスキル開発"],
        sentences: [
          "職場にAIツールを導入する前に、働く人の意見を聞き、研修を行うべきです。",
          "AIリテラシー教育は、誰もが無償で受けられるものであるべきです。",
          "教員がAIツールを理解するための時間と支援が必要です。",
        ],
      },
      health: {
        titles: ["医療データは信頼が前提", "臨床現場での検証を"],
        sentences: [
          "患者は自らの医療データがAIの学習にどう使われるかを管理できるべきです。",
          "診断支援AIは、実際に利用される地域の患者データで検証されるべきです。",
          "医師がAIの提案に従った場合の責任の所在を明確にする必要があります。",
        ],
      },
      publicServices: {
        titles: ["行政サービスにおける人間の関与", "行政のアルゴリズムに説明責任を"],
        sentences: [
          "給付や許認可をAIが判断する場合でも、市民が担当職員に相談できる仕組みが必要です。",
          "行政機関はAIを導入する前に影響評価を公表すべきです。",
          "小規模な自治体でも実践できる共通のガイドラインが求められます。",
        ],
      },
      cooperation: {
        titles: ["AI標準に関する国際協力", "同志国との相互承認に向けて"],
        sentences: [
          "日本、カナダ、オーストラリア、米国との整合性を高めれば、重複した監査を避けられます。",
          "適合性評価の相互承認を対話の優先課題とすべきです。",
          "国際標準化の議論には、市民社会や研究者も参加すべきです。",
        ],
      },
    },
  },
  pt: {
    openers: [
      "Saudamos a abertura desta consulta.",
      "Enquanto cidadã, gostaria de partilhar algumas preocupações.",
      "A nossa organização consultou os seus membros antes de responder.",
    ],
    closers: [
      "Teremos todo o gosto em apresentar estas propostas na conferência.",
      "Orientações claras e publicadas atempadamente fariam toda a diferença.",
      "Obrigado por ter em conta a opinião dos cidadãos.",
    ],
    topics: {
      transparency: {
        titles: ["Uma transparência compreensível", "Explicar as decisões automatizadas às pessoas afetadas"],
        sentences: [
          "As pessoas afetadas por uma decisão automatizada devem ser informadas numa linguagem clara.",
          "Um registo público dos sistemas de alto risco usados pela administração pública reforçaria a confiança.",
          "A rotulagem de conteúdos gerados por IA deve seguir uma norma europeia comum.",
        ],
      },
      sme: {
        titles: ["Reduzir os encargos para as PME", "Modelos gratuitos para pequenas empresas"],
        sentences: [
          "Para uma pequena empresa, o custo de uma avaliação de conformidade pode ultrapassar o orçamento do produto.",
          "Modelos gratuitos de documentação técnica poupariam meses de trabalho às PME.",
          "Os ambientes de testagem regulamentar devem estar abertos a startups de todos os Estados-Membros.",
        ],
      },
      research: {
        titles: ["Proteger a investigação aberta", "Capacidade de computação para a investigação pública"],
        sentences: [
          "A exceção para a investigação deve manter-se clara para que as universidades possam testar modelos em condições reais.",
          "Os investigadores precisam de acesso acessível a infraestruturas de computação e a dados de qualidade.",
          "Os modelos abertos são essenciais para uma avaliação independente.",
        ],
      },
      skills: {
        titles: ["Formação em IA para os trabalhadores", "Competências digitais na administração pública"],
        sentences: [
          "Os trabalhadores devem ser consultados antes da introdução de ferramentas de IA no local de trabalho.",
          "A literacia em IA só funcionará se houver formação gratuita em todas as línguas.",
          "Os professores precisam de tempo e apoio para compreender estas ferramentas.",
        ],
      },
      health: {
        titles: ["Dados de saúde: primeiro a confiança", "A IA clínica precisa de provas em hospitais reais"],
        sentences: [
          "Os doentes devem manter o controlo sobre a reutilização dos seus dados de saúde.",
          "As ferramentas de diagnóstico devem ser validadas com dados da população onde serão usadas.",
          "Os hospitais precisam de regras claras de responsabilidade quando um médico segue uma recomendação da IA.",
        ],
      },
      publicServices: {
        titles: ["Supervisão humana nos serviços públicos", "Uma administração responsável pelos seus algoritmos"],
        sentences: [
          "Qualquer cidadão deve poder falar com um funcionário quando um sistema automatizado decide sobre um apoio social.",
          "A administração deveria publicar uma avaliação de impacto antes de usar IA nos serviços sociais.",
          "Os pequenos municípios precisam de orientações comuns para aplicar estas garantias.",
        ],
      },
      cooperation: {
        titles: ["Cooperação internacional em normas de IA", "Rumo ao reconhecimento mútuo com países parceiros"],
        sentences: [
          "O alinhamento com o Japão, o Canadá, a Austrália e os Estados Unidos evitaria auditorias duplicadas.",
          "O reconhecimento mútuo das avaliações de conformidade deve ser uma prioridade do diálogo.",
          "Os organismos internacionais de normalização devem incluir a sociedade civil.",
        ],
      },
    },
  },
  nl: {
    openers: [
      "Wij verwelkomen de mogelijkheid om aan deze consultatie bij te dragen.",
      "Als burger wil ik graag enkele zorgen delen.",
      "Onze organisatie heeft haar leden geraadpleegd voordat zij reageerde.",
    ],
    closers: [
      "Wij lichten deze punten graag toe tijdens de conferentie.",
      "Duidelijke en tijdig gepubliceerde richtsnoeren zouden het grootste verschil maken.",
      "Dank voor het meenemen van de mening van burgers.",
    ],
    topics: {
      transparency: {
        titles: ["Transparantie moet begrijpelijk zijn", "Uitleg voor de mensen die het raakt"],
        sentences: [
          "Wie door een geautomatiseerd besluit wordt geraakt, moet in begrijpelijke taal horen dat er AI is gebruikt.",
          "Een openbaar register van hoog-risicosystemen bij de overheid zou het vertrouwen vergroten.",
          "Het labelen van door AI gegenereerde inhoud moet één Europese norm volgen.",
        ],
      },
      sme: {
        titles: ["Minder lasten voor het mkb", "Het mkb heeft sjablonen nodig, geen extra formulieren"],
        sentences: [
          "Voor een klein bedrijf kunnen de kosten van een conformiteitsbeoordeling hoger zijn dan het hele productbudget.",
          "Gratis sjablonen voor technische documentatie besparen kleine aanbieders maanden werk.",
          "Regulatoire proeftuinen moeten in elke lidstaat met eenvoudige procedures openstaan voor start-ups.",
        ],
      },
      research: {
        titles: ["Bescherm open onderzoek", "Rekenkracht voor publiek onderzoek"],
        sentences: [
          "De uitzondering voor onderzoek moet duidelijk blijven, zodat universiteiten modellen in de praktijk kunnen testen.",
          "Onderzoekers hebben betaalbare toegang nodig tot rekeninfrastructuur en goede datasets.",
          "Open modellen zijn onmisbaar voor onafhankelijke evaluatie.",
        ],
      },
      skills: {
        titles: ["AI-geletterdheid voor werknemers", "Vaardigheden in de publieke sector"],
        sentences: [
          "Werknemers moeten worden geraadpleegd voordat AI-toepassingen op de werkvloer worden ingevoerd.",
          "AI-geletterdheid werkt alleen als er gratis opleidingen zijn in alle talen.",
          "Leraren hebben tijd en ondersteuning nodig om deze hulpmiddelen te begrijpen.",
        ],
      },
      health: {
        titles: ["Gezondheidsgegevens: eerst vertrouwen", "Klinische AI moet zich bewijzen in ziekenhuizen"],
        sentences: [
          "Patiënten moeten zeggenschap houden over het hergebruik van hun gezondheidsgegevens.",
          "Diagnostische hulpmiddelen moeten worden getoetst op gegevens van de bevolking waar ze worden gebruikt.",
          "Ziekenhuizen hebben duidelijke regels nodig over aansprakelijkheid bij het volgen van een AI-advies.",
        ],
      },
      publicServices: {
        titles: ["Menselijk toezicht in publieke dienstverlening", "Een overheid die verantwoording aflegt over algoritmen"],
        sentences: [
          "Iedere burger moet een ambtenaar kunnen spreken wanneer een systeem over een uitkering beslist.",
          "Overheden zouden een effectbeoordeling moeten publiceren voordat zij AI inzetten in het sociaal domein.",
          "Kleine gemeenten hebben gedeelde richtlijnen nodig om deze waarborgen toe te passen.",
        ],
      },
      cooperation: {
        titles: ["Internationale samenwerking op het gebied van normen", "Naar wederzijdse erkenning met partnerlanden"],
        sentences: [
          "Afstemming met Japan, Canada, Australië en de Verenigde Staten voorkomt dubbele audits.",
          "Wederzijdse erkenning van conformiteitsbeoordelingen moet een prioriteit van de dialoog zijn.",
          "Internationale normalisatie-instellingen moeten ook het maatschappelijk middenveld betrekken.",
        ],
      },
    },
  },
};

/**
 * Contributions a moderator rightly turned down, keyed by the rejection
 * reason they were turned down for (prisma/seed/rejection-reasons.ts).
 */
export const REJECTED_TEXTS: Record<string, { title: string; body: string }> = {
  "Spam or advertising": {
    title: "Cut your AI Act compliance costs by 80%",
    body: "Our all-in-one compliance platform generates every document the regulator asks for in minutes. Book a free demo today and get 50% off your first year with the code AGORA50!",
  },
  "Off topic": {
    title: "Parking near the conference venue",
    body: "The car park next to the venue was full last time and the signs were confusing. Could the organisers publish a map of nearby parking and cycle racks?",
  },
  "Offensive or abusive language": {
    title: "Waste of time",
    body: "Nobody reads these consultations. The people running this are clueless bureaucrats who should be ashamed of wasting our money.",
  },
  "Contains personal data": {
    title: "Complaint about my municipality",
    body: "My neighbour works at the benefits office and told me they use an algorithm. You can check with her directly, she lives at 14 Rue des Tilleuls and her number is +32 470 12 34 56.",
  },
};
