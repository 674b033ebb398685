/** Labs of lecture 03 (being written this session: issue 23). */

/** The labs of lecture 03, in the notebook's order. */
export const labs03 = [] as const;
