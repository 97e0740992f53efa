import { BANDS, MIN_EXACT_WORDS, MIN_NEAR_WORDS, NEAR_THRESHOLD, ROWS_PER_BAND, SHINGLE_SIZE, SIGNATURE_SIZE } from "@/lib/similarity/method";

/** How groups of identical and near-identical contributions are made, for the open-data page: the method is contested, so it is published. */
export function NearDuplicateMethod() {
  return (
    <div className="mt-3 max-w-3xl space-y-3">
      <p>
        Contributions with identical or near-identical text are put in a group, and the group’s id is in the <code>similarityGroupId</code>{" "}
        field of the JSON and the <code>similarity_group</code> column of the CSV. A group can be a campaign of form letters, a joint
        position paper filed by several organisations, or one organisation submitting twice. A group says that texts are alike, not
        that they count less: whether a campaign’s letters are one voice or many is a judgement for whoever reads the data, and the
        summary offers both counts (“Count each group once”).
      </p>
      <ul className="list-disc space-y-2 pl-6">
        <li>
          <strong>What is compared:</strong> the contribution’s text and the text read from its attached files (PDF, DOCX, ODT), not
          its title (titles are often boilerplate) nor its answers to the questions. The text is lower-cased, put in Unicode NFKC form,
          and its punctuation and spacing reduced to single spaces. Words are what lies between spaces; in Chinese, Japanese and
          Korean each character is a word.
        </li>
        <li>
          <strong>Identical:</strong> the same text after that normalisation (texts of {MIN_EXACT_WORDS} words or more), or the same
          attached file byte for byte (its SHA-256 hash), whatever the cover note says.
        </li>
        <li>
          <strong>Near-identical:</strong> the texts are cut into overlapping sequences of {SHINGLE_SIZE} words; two texts are
          near-identical when at least {Math.round(NEAR_THRESHOLD * 100)} % of the sequences they have between them are shared
          (Jaccard similarity), estimated with a MinHash signature of {SIGNATURE_SIZE} values and found with locality-sensitive
          hashing ({BANDS} bands of {ROWS_PER_BAND}). The estimate is within about 0.04 of the true similarity. A letter with a
          sentence added, or a word changed, stays in the group; a different letter on the same subject does not. Texts of fewer
          than {MIN_NEAR_WORDS} words are never near-identical: “I agree.” written by many people is not a campaign.
        </li>
        <li>
          <strong>Groups are transitive:</strong> if A is like B and B like C, A, B and C are one group, even when A and C differ more.
        </li>
        <li>
          <strong>What is published:</strong> only approved contributions are in the open data, and a contribution carries its group’s
          id only when another approved contribution is in the same group. Groups are recomputed as contributions arrive, so an id can
          change after a full recomputation.
        </li>
      </ul>
      <p>
        The threshold was chosen on real public comments (the Polis conversations of The Computational Democracy Project, CC BY 4.0):
        above 0.9 they were resubmissions; between 0.6 and 0.9 copies with a word or a phrase changed, and templates with a different
        demand in the same sentence; below 0.6, mostly one comment extending another, or saying the opposite with the same words. No
        method of this kind reads meaning: a moderator looks at each group, with what each member adds to it.
      </p>
    </div>
  );
}
