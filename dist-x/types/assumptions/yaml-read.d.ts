import type { ReadFile } from "./read-file";
export declare function readWithYaml(text: string, fileName: string): ReadFile;
