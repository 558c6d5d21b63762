export * from "./types/model/index.js";
