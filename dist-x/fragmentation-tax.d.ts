export * from "./types/fragmentation-tax/index.js";
