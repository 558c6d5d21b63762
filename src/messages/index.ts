/**
 * Every message a user sees lives under `src/messages/`, one file per area, as small functions.
 * Code elsewhere never builds user-facing text inline; it calls these.
 */
export * as assumptions from "./assumptions";
export * as chapters from "./chapters";
export * as charts from "./charts";
export * as dev from "./dev";
export * as fs from "./fs";
export * as images from "./images";
export * as model from "./model";
export * as notebook from "./notebook";
export * as print from "./print";
export * as prose from "./prose";
export * as publish from "./publish";
export * as report from "./report";
export * as scaffold from "./scaffold";
export * as versions from "./versions";
export * as yaml from "./yaml";
