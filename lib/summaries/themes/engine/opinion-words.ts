// Words that give an opinion on anything: negation, need and obligation,
// wanting, thinking, agreeing, weighing. Stop-word lists keep most of them
// (they are not function words), and in a consultation they are in every
// other sentence: left in, NMF makes themes of "not" and "need" (tried on
// the Polis corpora). Left out of the theme features only; search and
// quotes keep them. Lower case, as written; not stemmed.
export const OPINION_WORDS: Record<string, readonly string[]> = {
  en: [
    "not", "no", "nor", "never", "need", "needs", "needed", "want", "wants", "wanted", "think", "thinks", "believe", "believes",
    "feel", "feels", "agree", "agrees", "disagree", "support", "supports", "important", "essential", "necessary", "will", "may",
    "might", "could", "shall", "ought", "really", "very", "just", "lot", "lots", "thing", "things", "something", "anything",
    "everything", "way", "ways", "get", "gets", "got", "good", "bad", "better", "best", "great", "many", "much", "more", "less",
    "also", "however", "therefore", "please", "thank", "thanks", "yes", "don", "doesn", "isn", "aren", "shouldn", "can't", "able",
    "ensure", "consider", "regard", "regarding", "particular", "particularly", "already", "still", "even", "well",
  ],
  fr: [
    "ne", "pas", "non", "jamais", "faut", "doit", "doivent", "devrait", "devraient", "devons", "pense", "pensons", "pensent",
    "croyons", "crois", "estimons", "estime", "souhaitons", "souhaite", "important", "importante", "importants", "essentiel",
    "essentielle", "nécessaire", "nécessaires", "aussi", "également", "très", "plus", "moins", "beaucoup", "bien", "chose",
    "choses", "cependant", "toutefois", "donc", "ainsi", "merci", "notamment", "particulier", "particulièrement", "déjà",
    "encore", "veiller", "garantir", "permettre", "peut", "peuvent", "pourrait", "pourraient",
  ],
  de: [
    "nicht", "kein", "keine", "keinen", "nie", "muss", "müssen", "sollte", "sollten", "soll", "sollen", "brauchen", "braucht",
    "denken", "glauben", "meinen", "halten", "begrüßen", "fordern", "wichtig", "wichtige", "wichtigen", "notwendig",
    "notwendige", "erforderlich", "auch", "sehr", "mehr", "weniger", "viel", "viele", "gut", "besser", "jedoch", "daher",
    "deshalb", "bitte", "danke", "insbesondere", "bereits", "noch", "sicherstellen", "kann", "können", "könnte", "könnten",
  ],
};
