// Stands in for tfjs-core's side-effect modules in the unit tests (vitest.config.ts).
export {};
