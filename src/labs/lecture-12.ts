/** Labs of lecture 12 (being written this session: issue 23). */

/** The labs of lecture 12, in the notebook's order. */
export const labs12 = [] as const;
