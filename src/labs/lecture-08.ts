/** Labs of lecture 08 (being written this session: issue 23). */

/** The labs of lecture 08, in the notebook's order. */
export const labs08 = [] as const;
