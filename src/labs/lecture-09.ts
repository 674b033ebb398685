/** Labs of lecture 09 (being written this session: issue 23). */

/** The labs of lecture 09, in the notebook's order. */
export const labs09 = [] as const;
