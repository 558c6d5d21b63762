/**
 * The one error model. Every error fragtax expects says how the process should end:
 *   2  the input or the usage is wrong (a flag, report.yaml, assumptions.yaml, a notebook): fix what
 *      the message names and run again;
 *   1  the work could not be done (a refusal, a missing build, a cell or the printer failed).
 * Library code throws these; src/cli/main.ts is the one place that turns a thrown error into an exit
 * code. Anything else thrown is a bug: it exits 1 with its message, never a raw stack.
 */
/** How a command ends: its work done, its work failed, or bad usage / input. */
export declare const EXIT_OK = 0;
export declare const EXIT_FAILED = 1;
export declare const EXIT_USAGE = 2;
export type ExitCode = typeof EXIT_OK | typeof EXIT_FAILED | typeof EXIT_USAGE;
export declare abstract class FragtaxError extends Error {
    abstract readonly exitCode: typeof EXIT_FAILED | typeof EXIT_USAGE;
    constructor(message: string, options?: ErrorOptions);
}
/** Bad usage or unreadable input: exit 2. */
export declare class InputError extends FragtaxError {
    readonly exitCode = 2;
}
/** The work could not be done: exit 1. */
export declare class WorkError extends FragtaxError {
    readonly exitCode = 1;
}
/** The exit code a thrown value ends the process with. */
export declare function exitCodeOf(error: unknown): typeof EXIT_FAILED | typeof EXIT_USAGE;
