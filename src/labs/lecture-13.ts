/** Labs of lecture 13 (being written this session: issue 23). */

/** The labs of lecture 13, in the notebook's order. */
export const labs13 = [] as const;
