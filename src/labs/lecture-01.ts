/** Labs of lecture 01 (being written this session: issue 23). */

/** The labs of lecture 01, in the notebook's order. */
export const labs01 = [] as const;
