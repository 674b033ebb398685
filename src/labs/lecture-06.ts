/** Labs of lecture 06 (being written this session: issue 23). */

/** The labs of lecture 06, in the notebook's order. */
export const labs06 = [] as const;
