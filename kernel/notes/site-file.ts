/** One file of the notes site: its text, or the path of a file to copy. */
export type SiteFile = { content: string } | { copyFrom: string };
