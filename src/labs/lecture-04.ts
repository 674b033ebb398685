/** Labs of lecture 04 (being written this session: issue 23). */

/** The labs of lecture 04, in the notebook's order. */
export const labs04 = [] as const;
