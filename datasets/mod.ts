/**
 * Course package @tinytorch/datasets (work in progress).
 *
 * @module
 */
export {};
