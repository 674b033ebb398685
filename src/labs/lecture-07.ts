/** Labs of lecture 07 (being written this session: issue 23). */

/** The labs of lecture 07, in the notebook's order. */
export const labs07 = [] as const;
