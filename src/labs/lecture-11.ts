/** Labs of lecture 11 (being written this session: issue 23). */

/** The labs of lecture 11, in the notebook's order. */
export const labs11 = [] as const;
