/**
 * Project files must be UTF-8: a Latin-1 byte (`café` saved by an old editor) was read as U+FFFD and
 * reached the report as "caf�" with exit 0, while a NUL byte was refused. The first byte that is not
 * part of a well-formed sequence is found and named by line and column.
 */
import { isUtf8 } from "node:buffer";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { InputFileNotUtf8Error, firstInvalidUtf8, readInputText, readInputTextSync } from "../../src/util/plain-file";

let dir = "";
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("the first byte that is not UTF-8", () => {
  it.each([
    ["plain ASCII", [0x61, 0x62], 2],
    ["é, é and 😀 well formed", [...Buffer.from("é é 😀")], Buffer.byteLength("é é 😀")],
    ["a Latin-1 é", [0x63, 0x61, 0x66, 0xe9, 0x0a], 3],
    ["a lead byte cut off at the end", [0x61, 0xe2, 0x82], 1],
    ["an overlong slash (C0 AF)", [0xc0, 0xaf], 0],
    ["an encoded surrogate (ED A0 80)", [0x61, 0xed, 0xa0, 0x80], 1],
    ["past U+10FFFF (F4 90 80 80)", [0xf4, 0x90, 0x80, 0x80], 0],
    ["a stray continuation byte", [0x61, 0x80], 1],
  ])("%s", (_what, bytes, at) => {
    expect(firstInvalidUtf8(Uint8Array.from(bytes))).toBe(at);
    // Node's own check agrees on whether there is one.
    expect(isUtf8(Buffer.from(bytes))).toBe(at === bytes.length);
  });
});

describe("reading a project file", () => {
  it("refuses one that is not UTF-8 at its first such byte, line and column counted in characters", async () => {
    dir = mkdtempSync(join(tmpdir(), "fragtax-utf8-"));
    const file = join(dir, "assumptions.yaml");
    writeFileSync(file, Buffer.concat([Buffer.from("a: 1\n  label: \"ça \u00e9 "), Buffer.from([0x63, 0x61, 0x66, 0xe9]), Buffer.from("\"\n")]));
    const refused = await readInputText(file).then(() => undefined, (error: unknown) => error);
    expect(refused).toBeInstanceOf(InputFileNotUtf8Error);
    const error = refused as InputFileNotUtf8Error;
    expect([error.line, error.column]).toEqual([2, 19]);
    expect(error.detail).toBe('byte 0xE9 is not UTF-8 text: the file was saved in another encoding (Latin-1 or Windows-1252, say); save it as UTF-8 (in an editor: "Save with Encoding" → UTF-8)');
    expect(error.message).toMatch(/assumptions\.yaml:2:19: byte 0xE9 is not UTF-8 text/);
    expect(() => readInputTextSync(file)).toThrow(/assumptions\.yaml:2:19: byte 0xE9/);
  });

  it("names UTF-16 (what an editor's \"Unicode\" saves) by its byte order mark", async () => {
    dir = mkdtempSync(join(tmpdir(), "fragtax-utf8-"));
    const file = join(dir, "report.yaml");
    writeFileSync(file, Buffer.from("\uFEFFtitle: x\n", "utf16le"));
    expect(() => readInputTextSync(file)).toThrow(/report\.yaml:1:1: the file is UTF-16 \(it starts with a UTF-16 byte order mark\); save it as UTF-8/);
  });

  it("says a binary file is not the file meant, not that it was saved in another encoding", async () => {
    dir = mkdtempSync(join(tmpdir(), "fragtax-utf8-"));
    const file = join(dir, "01-x.ipynb");
    const random = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 2654435761) >>> 24)); // bytes spread over 0–255, NULs among them
    for (const bytes of [random, Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from("IHDR\u0000\u0000")])]) {
      writeFileSync(file, bytes);
      expect(() => readInputTextSync(file)).toThrow(/01-x\.ipynb:1:\d+: byte 0x[0-9A-F]{2} is not text, and the file holds bytes no text file has \(NUL, control bytes\), as a binary file does: it is not the file meant/);
    }
  });

  it("reads UTF-8 as before, a byte order mark kept", async () => {
    dir = mkdtempSync(join(tmpdir(), "fragtax-utf8-"));
    const file = join(dir, "x.yaml");
    writeFileSync(file, "\uFEFFtitle: café 😀\n");
    expect(await readInputText(file)).toBe("\uFEFFtitle: café 😀\n");
    expect(readInputTextSync(file)).toBe("\uFEFFtitle: café 😀\n");
  });
});
