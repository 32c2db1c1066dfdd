export * from "./evidence.js";
export * from "./message.js";
export * from "./output.js";
export * from "./page.js";
export * from "./source.js";
export * from "./facts.js";
export * from "./manifest.js";
