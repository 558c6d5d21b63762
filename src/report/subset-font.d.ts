/** The part of `subset-font` (harfbuzz hb-subset compiled to wasm) the report uses; the package ships no types. */
declare module "subset-font" {
  interface SubsetOptions {
    readonly targetFormat?: "sfnt" | "woff" | "woff2" | "truetype";
  }
  export default function subsetFont(font: Uint8Array, text: string, options?: SubsetOptions): Promise<Buffer>;
}
