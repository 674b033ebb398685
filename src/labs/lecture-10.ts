/** Labs of lecture 10 (being written this session: issue 23). */

/** The labs of lecture 10, in the notebook's order. */
export const labs10 = [] as const;
