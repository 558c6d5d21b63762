/**
 * The words `fragtax new` leaves in a chapter's introduction until its author replaces them: the
 * scaffold writes them (scaffold/chapter.ts), and the build, `run` and `check` warn while they are
 * still there (report/markdown-placeholders.ts), so an untouched example cannot be published unawares.
 */
export const SCAFFOLD_NOTE = "(fragtax new wrote this chapter as a worked example: keep its shape, replace its model.)";
