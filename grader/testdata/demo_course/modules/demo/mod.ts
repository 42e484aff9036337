export * from "./add.ts";
export * from "./scale.ts";
export * from "./total.ts";
