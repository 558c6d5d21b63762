/**
 * What `publish`, `diff` and `dev` write to the terminal besides their results: progress lines on
 * stderr. (How a command ends — its exit code — is decided in main.ts, from src/util/errors.ts.)
 */

export const progress = (message: string): void => void process.stderr.write(`${message}\n`);
