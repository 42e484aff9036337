/**
 * Course package @tinytorch/profiling (work in progress).
 *
 * @module
 */
export {};
