/**
 * The seam for labeled examples from outside the corpus, such as a deployment's moderator
 * decisions (`train --include-decisions`): a post's text and the categories it was held for,
 * none when a moderator approved it. Such examples only join the fitting set; validation and
 * evaluation stay on the corpus's voices, so figures remain comparable from one model to the next.
 */
export interface LabeledExample {
  text: string;
  categories: string[];
}

export interface ExampleSource {
  /** For the command's report: "moderator decisions". */
  name: string;
  load(): Promise<LabeledExample[]>;
}
