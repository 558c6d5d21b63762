/**
 * Reads README.md the way a newcomer does: the shell blocks are commands to type, in order, and a
 * `text` block right after a shell block is the output those commands promise.
 *
 * Conventions (README's own, so they stay visible to its readers):
 * - every line of a ```sh block is one command; a trailing `# …` is a comment for the reader;
 * - a comment that says `exits N` promises that exit code (0 otherwise);
 * - a ```text block that follows a ```sh block lists output lines promised in that order; lines
 *   starting with `…` stand for trimmed output.
 */
import MarkdownIt from "markdown-it";

export interface ReadmeCommand {
  /** The command exactly as README shows it, without its comment. */
  readonly command: string;
  /** 1-based line of README where the command stands. */
  readonly line: number;
  readonly expectedExit: number;
  /** Output lines promised by a following ```text block, in order (empty when none). */
  readonly promisedOutput: readonly string[];
}

export function readmeCommands(markdown: string): ReadmeCommand[] {
  const tokens = new MarkdownIt().parse(markdown, {});
  const commands: ReadmeCommand[] = [];
  tokens.forEach((fence, index) => {
    if (fence.type !== "fence" || fence.info.trim() !== "sh") return;
    // The output block must follow the commands directly (blank lines aside: no prose in between).
    const next = tokens[index + 1];
    const promised = next?.type === "fence" && next.info.trim() === "text"
      ? next.content.split("\n").map((line) => line.trim()).filter((line) => line !== "" && !line.startsWith("…"))
      : [];
    const lines = fence.content.split("\n");
    const block: ReadmeCommand[] = [];
    lines.forEach((text, offset) => {
      const { command, comment } = splitComment(text);
      if (command === "") return;
      const exit = /\bexits? (\d+)\b/.exec(comment);
      block.push({
        command,
        line: (fence.map?.[0] ?? 0) + 2 + offset,
        expectedExit: exit ? Number(exit[1]) : 0,
        promisedOutput: [],
      });
    });
    // The promised output belongs to the last command of the block (README shows one command per output).
    const last = block.at(-1);
    if (last && promised.length > 0) block[block.length - 1] = { ...last, promisedOutput: promised };
    commands.push(...block);
  });
  return commands;
}

/** Splits `cmd   # comment` at a `#` that follows whitespace and is outside quotes. */
function splitComment(text: string): { command: string; comment: string } {
  let quote: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quote) {
      if (char === quote) quote = null;
    } else if (char === '"' || char === "'") {
      quote = char;
    } else if (char === "#" && (i === 0 || /\s/.test(text[i - 1]!))) {
      return { command: text.slice(0, i).trim(), comment: text.slice(i + 1).trim() };
    }
  }
  return { command: text.trim(), comment: "" };
}

/** The promised lines that are missing from the output, or out of order (whitespace-insensitive). */
export function missingOutput(promised: readonly string[], output: string): string[] {
  const normalise = (line: string): string => line.replace(/\s+/g, " ").trim();
  const actual = output.split("\n").map(normalise);
  const missing: string[] = [];
  let from = 0;
  for (const line of promised) {
    const at = actual.indexOf(normalise(line), from);
    if (at === -1) missing.push(line);
    else from = at + 1;
  }
  return missing;
}
