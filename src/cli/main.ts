/**
 * The `fragtax` command line. Each command registers itself from its own file (`register*Command`;
 * its work is loaded only when it runs); this file only wires them together and maps thrown errors
 * to exit codes.
 */
import { Command, CommanderError } from "commander";
import { locateFileSystemError } from "../util/fs-errors";
import { TOOL_VERSION } from "../version";
import { registerReportCommands } from "./build";
import { registerCheckCommand } from "./check";
import { registerDevCommand } from "./dev";
import { registerDiffCommand } from "./diff";
import { registerNewCommand } from "./new";
import { registerPublishCommand } from "./publish";
import { registerRunCommand } from "./run";
import { registerVerifyCommand } from "./verify";
import { exitCodeOf, InputError } from "../util/errors";
import { visibleInOneLine } from "../format/control";
import { argumentHoldsControl, noteHoldsControl } from "../messages/fs";
import { plausibleName } from "../util/suggest";
import { terminalText } from "../util/terminal";
import { whatIfFlags } from "../messages/whatif";

export function createProgram(): Command {
  const program = new Command("fragtax")
    .description("Literate TypeScript reports: run notebooks, build HTML + PDF, publish and diff versions.")
    .version(TOOL_VERSION)
    // After a usage error, where the usage is rather than all of it: the one line that says what was
    // wrong (and the command or option meant) was lost above forty lines of help.
    .showHelpAfterError("(`fragtax --help` lists the commands)")
    .exitOverride();
  // In the order of the work: start a chapter, run and check it, build and watch the report, publish, compare, verify.
  registerNewCommand(program);
  registerRunCommand(program);
  registerCheckCommand(program);
  registerReportCommands(program);
  registerDevCommand(program);
  registerPublishCommand(program);
  registerDiffCommand(program);
  registerVerifyCommand(program);
  for (const command of program.commands) command.showHelpAfterError(`(\`fragtax ${command.name()} --help\` lists its arguments and options)`);
  return program;
}

/**
 * A reader that stops reading (`fragtax --help | head -3`, a pager quit early) closes the pipe: the
 * output is no longer wanted, which is not an error of fragtax. The work goes on to its end (a build
 * still writes its files and releases its lock) with that stream's output dropped, instead of Node's
 * "write EPIPE" crash midway.
 */
function dropOutputOnClosedPipe(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code !== "EPIPE" && error.code !== "ERR_STREAM_DESTROYED") throw error;
      stream.write = (() => true) as typeof stream.write;
    });
  }
}

/**
 * Everything fragtax writes on stderr is for a person at a terminal, and much of it quotes a
 * notebook or a data file (a cell's error message, a chart field, an assumption's label): control
 * characters there (ESC, BEL, …) are written as visible escapes (`\x1b`), so quoted text cannot
 * recolour the terminal, retitle its window or hide a line. fragtax's own stderr has no colours.
 */
function terminalSafeStderr(): void {
  const write = process.stderr.write.bind(process.stderr) as (chunk: string, ...rest: unknown[]) => boolean;
  process.stderr.write = ((chunk: string | Uint8Array, ...rest: unknown[]) =>
    write(terminalText(typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8")), ...rest.filter((arg) => typeof arg === "function"))) as typeof process.stderr.write;
}

/**
 * Arguments are quoted in fragtax's messages (a notebook's path, a `--set` value, a chapter's name),
 * and a line break in one would print a line fragtax never wrote ("nope⏎fragtax: built.ipynb: there
 * is no such notebook"). Refused before any command reads them (exit 2), for every command at once.
 * `publish --note` is prose that only the manifest and the index page hold: it may have line breaks
 * and tabs (a terminal that shows it, `diff`'s listing, keeps it on one line), not other controls.
 */
// eslint-disable-next-line no-control-regex -- control characters are what these look for
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
// eslint-disable-next-line no-control-regex
const CONTROL_BUT_LINE_BREAKS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
function refuseControlCharacters(args: readonly string[]): void {
  const isNote = (arg: string, i: number): boolean => args[i - 1] === "--note" || arg.startsWith("--note=");
  const at = args.findIndex((arg, i) => (isNote(arg, i) ? CONTROL_BUT_LINE_BREAKS : CONTROL).test(arg));
  const held = args[at];
  if (held === undefined) return;
  if (isNote(held, at)) throw new InputError(noteHoldsControl(visibleInOneLine(held.replace(/^--note=/, ""))));
  throw new InputError(argumentHoldsControl(visibleInOneLine(held)));
}

/** The whole command line: parses `argv`, runs the command and sets the exit code (never throws). */
export async function main(argv: readonly string[]): Promise<void> {
  dropOutputOnClosedPipe();
  terminalSafeStderr();
  const program = createProgram();
  try {
    refuseControlCharacters(argv.slice(2));
    const line = helpOnHelp(argv);
    unknownHelpTopic(program, line.slice(2));
    await program.parseAsync(line);
  } catch (error) {
    // Commander reports every usage error (unknown option, missing argument, …) with exit code 1;
    // fragtax's convention is 2 for bad usage, 1 only for a failure of the work. Help and --version stay 0.
    if (error instanceof CommanderError) {
      // "What-if" is the name README gives these builds; the flags are --set and --assumptions.
      if (error.code === "commander.unknownOption" && /'--what-?if(=[^']*)?'/i.test(error.message)) process.stderr.write(`${whatIfFlags(program.commands.find((command) => command.name() === argv[2])?.name())}\n`);
      process.exitCode = error.exitCode === 0 ? 0 : 2;
      return;
    }
    // Whatever failed, no notebook worker may keep the process alive after it.
    (await import("../notebook/pool")).endAllWorkers();
    // The one place an error becomes an exit code: 2 bad usage/input, 1 failed work (or a bug);
    // a raw EISDIR/ENOENT/EACCES first becomes a sentence with its path and what to do (exit 2).
    const located = locateFileSystemError(error, "fragtax", process.cwd());
    process.stderr.write(`${located instanceof Error ? located.message : String(located)}\n`);
    process.exitCode = exitCodeOf(located);
  }
}

/**
 * `fragtax help help` (or `help --help`, `help -h`) asks for help on help, which is the whole usage:
 * commander took the topic for an unknown command (an error line, and for `help help` exit 2).
 */
function helpOnHelp(argv: readonly string[]): string[] {
  const [node = "", script = "", first, topic, ...rest] = argv;
  return first === "help" && topic !== undefined && ["help", "--help", "-h"].includes(topic) && rest.length === 0 ? [node, script, "--help"] : [...argv];
}

/**
 * `fragtax help bild`: commander shows the general help (exit 2) without saying why, where `fragtax
 * bild` names the unknown command and the one meant. The same line is said here first.
 */
function unknownHelpTopic(program: Command, args: readonly string[]): void {
  const [first, topic] = args;
  if (first !== "help" || topic === undefined) return;
  const names = program.commands.flatMap((command) => [command.name(), ...command.aliases()]);
  if (names.includes(topic)) return;
  const meant = plausibleName(topic, names);
  process.stderr.write(`error: unknown command '${topic}'${meant === undefined ? "" : `\n(Did you mean ${meant}?)`}\n\n`);
}
