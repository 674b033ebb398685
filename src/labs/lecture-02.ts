/** Labs of lecture 02 (being written this session: issue 23). */

/** The labs of lecture 02, in the notebook's order. */
export const labs02 = [] as const;
