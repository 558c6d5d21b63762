// The notebook API (see src/api/types.ts for the contract); implemented by the report area.
export type * from "./types";
