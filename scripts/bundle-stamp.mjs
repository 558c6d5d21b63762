// Whether dist/ is already the bundle of these sources (scripts/bundle-cli.mjs): `npm run report`,
// `npm run dev` and `npm test` bundle first, and bundling again what had not changed took ~5–10 s
// before every build, silently. The stamp names every input of the bundle (src/, scripts/, the
// package files, what is installed, Node's version) and every file it wrote: either changed, or a
// file of dist/ edited or gone, and the bundle is made again.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";

export const STAMP = "dist/.bundle-stamp.json";

function filesUnder(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(path) : entry.isFile() ? [path] : [];
  });
}

function digest(files, root) {
  const hash = createHash("sha256");
  for (const file of [...files].sort()) hash.update(`${relative(root, file)}\0`).update(readFileSync(file)).update("\0");
  return hash.digest("hex");
}

/** The digest of what the bundle is made from, under `root`. */
export function inputsDigest(root = process.cwd()) {
  const files = [...filesUnder(join(root, "src")), ...filesUnder(join(root, "scripts")), ...["package.json", "package-lock.json", "node_modules/.package-lock.json"].map((name) => join(root, name)).filter((path) => existsSync(path))];
  return `${process.version}\0${digest(files, root)}`;
}

/** The digest of dist/ as the bundle wrote it (its stamp left out). */
export function outputsDigest(root = process.cwd()) {
  return digest(filesUnder(join(root, "dist")).filter((file) => relative(root, file) !== STAMP), root);
}

/** Whether dist/ under `root` is the bundle of the inputs whose digest is `inputs`. */
export function upToDate(inputs, root = process.cwd()) {
  try {
    const stamp = JSON.parse(readFileSync(join(root, STAMP), "utf8"));
    return stamp.inputs === inputs && stamp.outputs === outputsDigest(root);
  } catch {
    return false;
  }
}

export function writeStamp(inputs, root = process.cwd()) {
  writeFileSync(join(root, STAMP), `${JSON.stringify({ inputs, outputs: outputsDigest(root) })}\n`);
}
