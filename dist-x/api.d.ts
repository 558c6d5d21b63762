export * from "./types/api/index.js";
