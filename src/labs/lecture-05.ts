/** Labs of lecture 05 (being written this session: issue 23). */

/** The labs of lecture 05, in the notebook's order. */
export const labs05 = [] as const;
